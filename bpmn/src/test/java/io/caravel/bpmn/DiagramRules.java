package io.caravel.bpmn;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Layout rules every process diagram keeps, so that the picture stays readable after an edit:
 * <ul>
 *   <li>every sequence flow has a source and a target;</li>
 *   <li>every flow node has a shape and every sequence flow an edge;</li>
 *   <li>only gateways join flows: any other node has at most one incoming sequence flow;</li>
 *   <li>no two shapes overlap (a boundary event may overlap its host);</li>
 *   <li>edges are orthogonal, start on the border of their source shape and end on the border of their target;</li>
 *   <li>no edge passes through a shape other than its source and target;</li>
 *   <li>no label overlaps a shape or another label.</li>
 * </ul>
 * {@link #check(byte[])} answers one sentence per violation, naming the element ids.
 */
public final class DiagramRules {

    /** How far, in diagram units, a point may be off a line and still count as on it. */
    static final double TOLERANCE = 2.0;

    private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private DiagramRules() {
    }

    /** The violations of one BPMN file, empty when its diagram keeps every rule. */
    public static List<String> check(byte[] bpmnXml) {
        List<String> problems = flowsWithoutEnds(bpmnXml);
        if (!problems.isEmpty()) {
            return problems; // the model API refuses to read a flow without its ends
        }
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
        Map<String, Box> shapes = new LinkedHashMap<>();
        Map<String, List<Point>> edges = new LinkedHashMap<>();
        Map<String, Box> labels = new LinkedHashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            if (element instanceof FlowNode) {
                shapes.put(element.getId(), new Box(shape.getBounds(), kindOf(element)));
                label(shape.getBpmnLabel(), element.getId(), labels);
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            BaseElement element = edge.getBpmnElement();
            if (element instanceof SequenceFlow) {
                List<Point> points = new ArrayList<>();
                for (Waypoint waypoint : edge.getWaypoints()) {
                    points.add(new Point(waypoint.getX(), waypoint.getY()));
                }
                edges.put(element.getId(), points);
                label(edge.getBpmnLabel(), element.getId(), labels);
            }
        }
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);

        Map<String, Integer> incoming = new LinkedHashMap<>(); // from targetRef, as the engine reads it
        for (SequenceFlow flow : flows) {
            incoming.merge(flow.getTarget().getId(), 1, Integer::sum);
        }
        for (FlowNode node : nodes) {
            if (!shapes.containsKey(node.getId())) {
                problems.add(node.getId() + " has no shape in the diagram");
            }
            int joined = incoming.getOrDefault(node.getId(), 0);
            if (!(node instanceof Gateway) && joined > 1) {
                problems.add(node.getId() + " joins " + joined + " incoming flows; only a gateway may join flows");
            }
        }
        for (SequenceFlow flow : flows) {
            if (!edges.containsKey(flow.getId())) {
                problems.add(flow.getId() + " has no edge in the diagram");
            }
        }
        overlappingShapes(model, shapes, problems);
        for (SequenceFlow flow : flows) {
            List<Point> points = edges.get(flow.getId());
            if (points != null) {
                edgeRules(flow, points, shapes, problems);
            }
        }
        overlappingLabels(shapes, labels, problems);
        return problems.stream().distinct().toList(); // an edge may cross the same shape twice
    }

    /** Sequence flows whose sourceRef or targetRef is missing or names no element (read as plain XML). */
    static List<String> flowsWithoutEnds(byte[] bpmnXml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bpmnXml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not readable as XML: " + e.getMessage(), e);
        }
        Set<String> ids = new HashSet<>();
        NodeList all = document.getElementsByTagNameNS(BPMN_MODEL, "*");
        for (int i = 0; i < all.getLength(); i++) {
            ids.add(((Element) all.item(i)).getAttribute("id"));
        }
        List<String> problems = new ArrayList<>();
        NodeList flows = document.getElementsByTagNameNS(BPMN_MODEL, "sequenceFlow");
        for (int i = 0; i < flows.getLength(); i++) {
            Element flow = (Element) flows.item(i);
            for (String end : List.of("sourceRef", "targetRef")) {
                String ref = flow.getAttribute(end);
                if (ref.isBlank() || !ids.contains(ref)) {
                    problems.add(flow.getAttribute("id") + " has no " + (end.startsWith("source") ? "source" : "target")
                            + (ref.isBlank() ? "" : " ('" + ref + "' names no element)"));
                }
            }
        }
        return problems;
    }

    private static void overlappingShapes(BpmnModelInstance model, Map<String, Box> shapes, List<String> problems) {
        List<String> ids = new ArrayList<>(shapes.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                if (shapes.get(a).overlaps(shapes.get(b)) && !attached(model, a, b) && !attached(model, b, a)) {
                    problems.add("shapes " + a + " and " + b + " overlap");
                }
            }
        }
    }

    private static boolean attached(BpmnModelInstance model, String eventId, String hostId) {
        return model.getModelElementById(eventId) instanceof BoundaryEvent event
                && event.getAttachedTo() != null && hostId.equals(event.getAttachedTo().getId());
    }

    private static void edgeRules(SequenceFlow flow, List<Point> points, Map<String, Box> shapes, List<String> problems) {
        String id = flow.getId();
        String source = flow.getSource().getId();
        String target = flow.getTarget().getId();
        if (points.size() < 2) {
            problems.add(id + " has fewer than two waypoints");
            return;
        }
        Box from = shapes.get(source);
        Box to = shapes.get(target);
        if (from != null && !from.onOutline(points.get(0))) {
            problems.add(id + " does not start on the border of its source " + source + " (starts at " + points.get(0) + ")");
        }
        if (to != null && !to.onOutline(points.get(points.size() - 1))) {
            problems.add(id + " does not end on the border of its target " + target
                    + " (ends at " + points.get(points.size() - 1) + ")");
        }
        for (int i = 1; i < points.size(); i++) {
            Point p = points.get(i - 1);
            Point q = points.get(i);
            if (Math.abs(p.x() - q.x()) > TOLERANCE && Math.abs(p.y() - q.y()) > TOLERANCE) {
                problems.add(id + " has a diagonal segment " + p + " to " + q + "; edges bend at right angles");
            }
            for (Map.Entry<String, Box> shape : shapes.entrySet()) {
                String other = shape.getKey();
                if (!other.equals(source) && !other.equals(target) && shape.getValue().crossedBy(p, q)) {
                    problems.add(id + " passes through " + other);
                }
            }
        }
    }

    private static void overlappingLabels(Map<String, Box> shapes, Map<String, Box> labels, List<String> problems) {
        List<String> owners = new ArrayList<>(labels.keySet());
        for (int i = 0; i < owners.size(); i++) {
            String owner = owners.get(i);
            Box label = labels.get(owner);
            for (Map.Entry<String, Box> shape : shapes.entrySet()) {
                if (label.overlaps(shape.getValue())) {
                    problems.add("the label of " + owner + " overlaps shape " + shape.getKey());
                }
            }
            for (int j = i + 1; j < owners.size(); j++) {
                if (label.overlaps(labels.get(owners.get(j)))) {
                    problems.add("the labels of " + owner + " and " + owners.get(j) + " overlap");
                }
            }
        }
    }

    private static void label(BpmnLabel label, String owner, Map<String, Box> labels) {
        if (label != null && label.getBounds() != null) {
            labels.put(owner, new Box(label.getBounds(), Kind.RECTANGLE));
        }
    }

    private static Kind kindOf(BaseElement element) {
        return element instanceof Gateway ? Kind.DIAMOND : element instanceof Event ? Kind.CIRCLE : Kind.RECTANGLE;
    }

    enum Kind { RECTANGLE, DIAMOND, CIRCLE }

    record Point(double x, double y) {
        @Override
        public String toString() {
            return "(" + Math.round(x) + "," + Math.round(y) + ")";
        }
    }

    /** A shape's bounds and the outline drawn inside them. */
    record Box(double x, double y, double width, double height, Kind kind) {

        Box(Bounds bounds, Kind kind) {
            this(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight(), kind);
        }

        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        /** True when the two boxes share more than a sliver of area. */
        boolean overlaps(Box other) {
            return x < other.right() - TOLERANCE && other.x < right() - TOLERANCE
                    && y < other.bottom() - TOLERANCE && other.y < bottom() - TOLERANCE;
        }

        /** True when the point lies on the outline: the rectangle, the diamond in it or the circle in it. */
        boolean onOutline(Point p) {
            double cx = x + width / 2;
            double cy = y + height / 2;
            return switch (kind) {
                case RECTANGLE -> within(p.x(), x, right()) && within(p.y(), y, bottom())
                        && (near(p.x(), x) || near(p.x(), right()) || near(p.y(), y) || near(p.y(), bottom()));
                case DIAMOND -> near(Math.abs(p.x() - cx) / (width / 2) + Math.abs(p.y() - cy) / (height / 2), 1.0,
                        TOLERANCE / Math.min(width / 2, height / 2));
                case CIRCLE -> near(Math.hypot(p.x() - cx, p.y() - cy), width / 2);
            };
        }

        /** True when the segment from p to q enters the inside of these bounds (not just touching the edge). */
        boolean crossedBy(Point p, Point q) {
            // Liang-Barsky clipping against the bounds shrunk by the tolerance.
            double[] low = {0};
            double[] high = {1};
            double dx = q.x() - p.x();
            double dy = q.y() - p.y();
            return clip(-dx, p.x() - (x + TOLERANCE), low, high)
                    && clip(dx, (right() - TOLERANCE) - p.x(), low, high)
                    && clip(-dy, p.y() - (y + TOLERANCE), low, high)
                    && clip(dy, (bottom() - TOLERANCE) - p.y(), low, high)
                    && high[0] - low[0] > 1e-9;
        }

        private static boolean clip(double direction, double distance, double[] low, double[] high) {
            if (direction == 0) {
                return distance > 0;
            }
            double t = distance / direction;
            if (direction < 0) {
                low[0] = Math.max(low[0], t);
            } else {
                high[0] = Math.min(high[0], t);
            }
            return low[0] <= high[0];
        }

        private static boolean within(double value, double from, double to) {
            return value >= from - TOLERANCE && value <= to + TOLERANCE;
        }

        private static boolean near(double a, double b) {
            return near(a, b, TOLERANCE);
        }

        private static boolean near(double a, double b, double tolerance) {
            return Math.abs(a - b) <= tolerance;
        }
    }
}
