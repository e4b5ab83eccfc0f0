package io.caravel.webhook.web;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.JsonP;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.WebhookFailure;
import jakarta.faces.context.FacesContext;
import io.caravel.webhook.Webhooks;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The webhooks page of a seller (its own events) or an admin (every seller's): subscribe an address
 * to events (the secret shown once), try it, pause, rotate the secret, delete, and read a
 * subscription's delivery log with each attempt; send a dead delivery again.
 */
@Named
@ViewScoped
public class WebhookBean implements Serializable {

    private static final int LOG_SIZE = 50;

    @Inject
    private transient Webhooks webhooks;

    @Inject
    private Caller caller;

    private String url;
    private String description;
    private List<String> events = new ArrayList<>();
    private String secret;
    /** The address of the subscription the secret shown belongs to. */
    private String secretFor;
    private String selected;
    private String openDelivery;
    private transient List<Webhooks.SubscriptionView> subscriptions;
    private transient Page<Webhooks.DeliveryView> log;
    private transient Webhooks.DeliveryView delivery;

    /** The wire names of the event types a subscription may name, for the check boxes (labels from the bundle). */
    public List<String> getEventTypes() {
        return webhooks.eventTypes().stream().map(WebhookEventType::wireName).toList();
    }

    public List<Webhooks.SubscriptionView> getSubscriptions() {
        if (subscriptions == null) {
            subscriptions = webhooks.list(caller);
        }
        return subscriptions;
    }

    public void subscribe() {
        secret = null;
        try {
            Webhooks.WithSecret made = webhooks.subscribe(caller, new Webhooks.Request(url, description, events, null));
            secret = made.secret();
            secretFor = made.subscription().url();
            selected = made.subscription().id();
            openDelivery = null;
            FacesMessages.info("webhooks.subscribed");
            url = null;
            description = null;
            events = new ArrayList<>();
            refresh();
        } catch (CaravelException e) {
            FacesMessages.error(e, "webhook-form:");
        }
    }

    public void ping(String id) {
        act(() -> {
            webhooks.ping(caller, id);
            boolean paused = subscription(id).map(s -> !s.active()).orElse(false);
            FacesMessages.info(paused ? "webhooks.pinged-paused" : "webhooks.pinged");
            show(id);
        });
    }

    public void pause(String id, boolean active) {
        act(() -> {
            webhooks.change(caller, id, new Webhooks.Request(null, null, null, active));
            FacesMessages.info(active ? "webhooks.resumed" : "webhooks.paused-now");
        });
    }

    public void rotate(String id) {
        act(() -> {
            Webhooks.WithSecret rotated = webhooks.rotateSecret(caller, id);
            secret = rotated.secret();
            secretFor = rotated.subscription().url();
        });
    }

    public void delete(String id) {
        act(() -> {
            webhooks.delete(caller, id);
            if (id.equals(selected)) {
                selected = null;
                openDelivery = null;
            }
            FacesMessages.info("webhooks.deleted");
        });
    }

    public void show(String id) {
        selected = id;
        openDelivery = null;
        refresh();
    }

    public void open(String deliveryId) {
        openDelivery = deliveryId;
        delivery = null;
    }

    public void redeliver(String deliveryId) {
        act(() -> {
            webhooks.redeliver(caller, deliveryId);
            FacesMessages.info("webhooks.redelivered");
        });
    }

    /** The selected subscription's latest deliveries. */
    public Page<Webhooks.DeliveryView> getLog() {
        if (log == null && selected != null) {
            log = webhooks.deliveries(caller, selected, null, PageRequest.of(LOG_SIZE, null));
        }
        return log;
    }

    /** The delivery opened in the log, with its attempts. */
    public Webhooks.DeliveryView getDelivery() {
        if (delivery == null && openDelivery != null) {
            delivery = webhooks.delivery(caller, openDelivery);
        }
        return delivery;
    }

    public void refresh() {
        subscriptions = null;
        log = null;
        delivery = null;
    }

    /** Runs an action on a subscription; a secret shown before is not shown any longer. */
    private void act(Runnable action) {
        secret = null;
        secretFor = null;
        try {
            action.run();
            refresh();
        } catch (CaravelException e) {
            FacesMessages.error(e, "webhook-form:");
        }
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getEvents() { return events; }
    public void setEvents(List<String> events) { this.events = events; }
    public String getSecret() { return secret; }
    public String getSecretFor() { return secretFor; }
    public String getSelected() { return selected; }

    /** The address of the subscription whose log is shown. */
    public String getSelectedUrl() {
        return selected == null ? null : subscription(selected).map(Webhooks.SubscriptionView::url).orElse(null);
    }

    private java.util.Optional<Webhooks.SubscriptionView> subscription(String id) {
        return getSubscriptions().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The body sent, indented to be read (as sent when it is not JSON). */
    public String pretty(String body) {
        if (body == null) {
            return "";
        }
        try (jakarta.json.JsonReader reader = JsonP.PROVIDER.createReader(new java.io.StringReader(body))) {
            java.io.StringWriter out = new java.io.StringWriter();
            JsonP.PROVIDER.createWriterFactory(java.util.Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out).write(reader.readValue());
            return out.toString().strip();
        } catch (jakarta.json.JsonException e) {
            return body;
        }
    }

    /** Why an attempt got no answer, in the reader's language (the log records it in English); another text as it is. */
    public String failure(String recorded) {
        return WebhookFailure.read(recorded).map(read -> {
            FacesContext faces = FacesContext.getCurrentInstance();
            ResourceBundle texts = faces.getApplication().getResourceBundle(faces, "msg");
            // a connection's cause in the reader's words where it is a known one, else as the Java runtime said it
            String detail = read.failure() == WebhookFailure.CONNECT ? WebhookFailure.cause(read.detail())
                    .map(cause -> texts.getString("webhooks.cause." + cause.name())).orElse(read.detail()) : read.detail();
            return new MessageFormat(texts.getString("webhooks.failure." + read.failure().name()), faces.getViewRoot().getLocale())
                    .format(new Object[] {detail});
        }).orElse(recorded == null ? "" : recorded);
    }
}
