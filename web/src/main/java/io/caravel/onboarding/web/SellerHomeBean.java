package io.caravel.onboarding.web;

import io.caravel.notification.Notifications;
import io.caravel.notification.Notifications.NotificationView;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The seller portal home: where the application stands, and the answer to a request for information. */
@Named
@RequestScoped
public class SellerHomeBean {

    @Inject
    private OnboardingService onboarding;

    @Inject
    private Caller caller;

    @Inject
    private Notifications notifications;

    private ApplicationView application;
    private boolean loaded;
    private String answer;

    public ApplicationView getApplication() {
        if (!loaded) {
            List<ApplicationView> mine = onboarding.mine(caller);
            application = mine.isEmpty() ? null : mine.get(0);
            loaded = true;
        }
        return application;
    }

    public String getStatus() {
        return getApplication() == null ? null : getApplication().status().name();
    }

    public void sendAnswer() {
        try {
            application = onboarding.answer(caller, getApplication().id(), answer);
            answer = null;
            FacesMessages.info("seller.answer.sent");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public List<NotificationView> getNotifications() {
        return notifications.recent(caller);
    }

    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
}
