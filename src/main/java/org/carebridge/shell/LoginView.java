package org.carebridge.shell;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(@Value("${carebridge.demo.enabled:false}") boolean demo) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");

        add(new com.vaadin.flow.component.html.H1(getTranslation("app.name")),
                new Paragraph(getTranslation("app.tagline")), login, new LanguageSwitch());
        if (demo) {
            add(new Paragraph(getTranslation("login.demo")));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // Spring Security keeps the reason of the last failed sign-in in the session
        boolean locked = failed && VaadinServletRequest.getCurrent() != null
                && VaadinServletRequest.getCurrent().getWrappedSession(false) != null
                && VaadinServletRequest.getCurrent().getWrappedSession(false)
                        .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException;
        i18n.getErrorMessage().setTitle(getTranslation(locked ? "login.locked.title" : "login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation(locked ? "login.locked.message" : "login.error.message"));
        login.setI18n(i18n);
        login.setError(failed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · CareBridge";
    }
}
