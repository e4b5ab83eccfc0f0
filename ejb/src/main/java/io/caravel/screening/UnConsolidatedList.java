package io.caravel.screening;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the UN Security Council Consolidated List in its official XML layout
 * ({@code CONSOLIDATED_LIST → INDIVIDUALS/INDIVIDUAL, ENTITIES/ENTITY}) into list entries: the
 * {@code DATAID} is the entry's number, the name parts ({@code FIRST_NAME} … {@code FOURTH_NAME}) its
 * primary name, the aliases and the name in original script ({@code NAME_ORIGINAL_SCRIPT}, e.g. Arabic)
 * its alternate names, {@code UN_LIST_TYPE} its program, the address countries its countries. The
 * reference number, dates of birth and nationalities go into the remarks in the words the OFAC list
 * uses ("DOB 1971", "nationality Iraq"), so both lists show and compare them the same way. DTDs and
 * external entities are refused.
 */
final class UnConsolidatedList {

    static final String FILE = "consolidated.xml";

    private UnConsolidatedList() {
    }

    static SanctionsList parse(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<SanctionsEntry> entries = new ArrayList<>();
        Instant published = null;
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<String> path = new ArrayDeque<>();
            Party party = null;
            StringBuilder text = new StringBuilder();
            Set<Long> seen = new HashSet<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (path.isEmpty()) {
                        if (!name.equals("CONSOLIDATED_LIST")) {
                            throw malformed(reader, "expected the root element CONSOLIDATED_LIST, found " + name);
                        }
                        published = generated(reader);
                    }
                    if ((name.equals("INDIVIDUAL") || name.equals("ENTITY")) && party == null) {
                        party = new Party(name.equals("INDIVIDUAL") ? PartyType.INDIVIDUAL : PartyType.ENTITY,
                                reader.getLocation().getLineNumber());
                    }
                    path.push(name);
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    String parent = path.isEmpty() ? "" : path.peek();
                    if (party != null) {
                        if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                            SanctionsEntry entry = party.build();
                            if (!seen.add(entry.entNum())) {
                                throw malformed(reader, "duplicate DATAID " + entry.entNum());
                            }
                            entries.add(entry);
                            party = null;
                        } else {
                            party.take(parent, name, text.toString().trim());
                        }
                    }
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new IllegalArgumentException("Malformed sanctions list file " + FILE + (line > 0 ? " at line " + line : "")
                    + ": not well-formed XML", e);
        } finally {
            close(reader);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Sanctions list file has no entries: " + FILE);
        }
        return SanctionsList.of(ListSource.UN_SC, entries, published, xml);
    }

    private static Instant generated(XMLStreamReader reader) throws XMLStreamException {
        String value = reader.getAttributeValue(null, "dateGenerated");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw malformed(reader, "dateGenerated '" + value + "' is not a date and time");
        }
    }

    private static IllegalArgumentException malformed(XMLStreamReader reader, String problem) {
        return new IllegalArgumentException("Malformed sanctions list file " + FILE + " at line "
                + reader.getLocation().getLineNumber() + ": " + problem);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; the parse result (or its error) stands
            }
        }
    }

    /** What one INDIVIDUAL or ENTITY element has said so far. */
    private static final class Party {
        final PartyType type;
        final int line;
        String dataId;
        final String[] nameParts = new String[4];
        String listType;
        String reference;
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();
        final Set<String> nationalities = new LinkedHashSet<>();
        final List<String> births = new ArrayList<>();
        String dateType;
        String date;
        String year;
        String fromYear;
        String toYear;

        Party(PartyType type, int line) {
            this.type = type;
            this.line = line;
        }

        void take(String parent, String element, String value) {
            boolean birth = parent.equals("INDIVIDUAL_DATE_OF_BIRTH");
            if (element.equals("INDIVIDUAL_DATE_OF_BIRTH")) {
                birth();
                return;
            }
            if (value.isEmpty()) {
                return;
            }
            switch (element) {
                case "DATAID" -> dataId = value;
                case "FIRST_NAME" -> nameParts[0] = value;
                case "SECOND_NAME" -> nameParts[1] = value;
                case "THIRD_NAME" -> nameParts[2] = value;
                case "FOURTH_NAME" -> nameParts[3] = value;
                case "UN_LIST_TYPE" -> listType = value;
                case "REFERENCE_NUMBER" -> reference = value;
                case "NAME_ORIGINAL_SCRIPT", "ALIAS_NAME" -> aliases.addAll(split(value));
                case "VALUE" -> {
                    if (parent.equals("NATIONALITY")) {
                        nationalities.add(value);
                    }
                }
                case "COUNTRY" -> {
                    if (parent.equals("INDIVIDUAL_ADDRESS") || parent.equals("ENTITY_ADDRESS")) {
                        countries.add(value);
                    }
                }
                case "TYPE_OF_DATE" -> dateType = birth ? value : dateType;
                case "DATE" -> date = birth ? value : date;
                case "YEAR" -> year = birth ? value : year;
                case "FROM_YEAR" -> fromYear = birth ? value : fromYear;
                case "TO_YEAR" -> toYear = birth ? value : toYear;
                default -> {
                    // designations, documents, places of birth, comments: not used for matching
                }
            }
        }

        /** Aliases are sometimes several names in one field, separated by semicolons. */
        private static List<String> split(String value) {
            List<String> names = new ArrayList<>();
            for (String part : value.split(";")) {
                if (!part.isBlank()) {
                    names.add(part.trim());
                }
            }
            return names;
        }

        private void birth() {
            String when = date != null ? date.length() > 10 ? date.substring(0, 10) : date
                    : year != null ? year
                    : fromYear != null && toYear != null ? fromYear + " to " + toYear : null;
            if (when != null) {
                births.add(("APPROXIMATELY".equalsIgnoreCase(dateType) ? "circa " : "") + when);
            }
            dateType = date = year = fromYear = toYear = null;
        }

        SanctionsEntry build() {
            if (dataId == null) {
                throw problem("an " + type.name().toLowerCase() + " without DATAID");
            }
            long entNum;
            try {
                entNum = Long.parseLong(dataId);
            } catch (NumberFormatException e) {
                throw problem("DATAID '" + dataId + "' is not a number");
            }
            StringBuilder name = new StringBuilder();
            for (String part : nameParts) {
                if (part != null) {
                    name.append(name.length() == 0 ? "" : " ").append(part);
                }
            }
            if (name.length() == 0) {
                throw problem("DATAID " + entNum + " has no name");
            }
            String primary = name.toString();
            aliases.remove(primary);
            List<String> remarks = new ArrayList<>();
            if (reference != null) {
                remarks.add("UN ref " + reference);
            }
            births.forEach(b -> remarks.add((remarks.stream().anyMatch(r -> r.startsWith("DOB")) ? "alt. DOB " : "DOB ") + b));
            nationalities.forEach(n -> remarks.add("nationality " + n));
            return new SanctionsEntry(entNum, primary, type, listType == null ? List.of() : List.of(listType),
                    new ArrayList<>(aliases), new ArrayList<>(countries), String.join("; ", remarks) + (remarks.isEmpty() ? "" : "."));
        }

        private IllegalArgumentException problem(String what) {
            return new IllegalArgumentException("Malformed sanctions list file " + FILE + " at line " + line + ": " + what);
        }
    }
}
