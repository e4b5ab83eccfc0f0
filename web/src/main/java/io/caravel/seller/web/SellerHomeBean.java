package io.caravel.seller.web;

import io.caravel.notification.Notifications;
import io.caravel.notification.Notifications.NotificationView;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.platform.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The seller portal home: where the seller's application stands (if it has one; the account's own
 * status comes from {@link SellerAccountBean}) and the seller's messages, each leading to the
 * application or listing it is about.
 */
@Named
@RequestScoped
public class SellerHomeBean {

    @Inject
    private OnboardingService onboarding;

    @Inject
    private Caller caller;

    @Inject
    private Notifications notifications;

    private List<ApplicationView> applications;
    private List<NotificationView> recent;

    /** The seller's latest application, or null (a seller created without one, such as the demo sellers). */
    public ApplicationView getApplication() {
        return applications().isEmpty() ? null : applications().get(0);
    }

    public List<NotificationView> getNotifications() {
        if (recent == null) {
            recent = notifications.recent(caller);
        }
        return recent;
    }

    /**
     * The page a message is about, from the context root. Messages come from onboarding and listing
     * review: one about an application of this seller leads to it, any other to its listing.
     */
    public String link(NotificationView notification) {
        String subject = notification.subjectId();
        if (notification.kind().startsWith("DISPUTE_")) {
            return "/seller/disputes.xhtml?id=" + subject;
        }
        if (notification.kind().equals("ACCOUNT_WARNING")) {
            return "/seller/index.xhtml";
        }
        boolean application = applications().stream().anyMatch(a -> a.id().equals(subject));
        return (application ? "/seller/application.xhtml?id=" : "/seller/listing.xhtml?id=") + subject;
    }

    private List<ApplicationView> applications() {
        if (applications == null) {
            applications = onboarding.mine(caller);
        }
        return applications;
    }
}
