package org.carebridge.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import org.carebridge.identity.CurrentStaff;

/** Where a user lands after signing in: what they can do here, one click away. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(AccessAnnotationChecker access) {
        add(new Paragraph(getTranslation("home.welcome", CurrentStaff.get().displayName())));
        Div cards = new Div();
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        for (MenuEntry entry : MainLayout.accessibleEntries(access)) {
            Div card = new Div(new H3(new Anchor(entry.path(), getTranslation(entry.title()))),
                    new Paragraph(getTranslation(entry.title() + ".description")));
            card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)")
                    .set("width", "18em");
            cards.add(card);
        }
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
