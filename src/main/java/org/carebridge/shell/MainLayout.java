package org.carebridge.shell;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;

/**
 * The frame of every staff screen. The navigation lists only the views the user's role may open;
 * each view declares its place with {@code @Menu} and its roles with {@code @RolesAllowed}.
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H2 viewTitle = new H2();

    public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access) {
        setPrimarySection(Section.DRAWER);

        H1 appName = new H1(getTranslation("app.name"));
        appName.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "var(--lumo-space-m)");
        SideNav navigation = new SideNav();
        for (MenuEntry entry : accessibleEntries(access)) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            navigation.addItem(item);
        }
        addToDrawer(appName, navigation);

        viewTitle.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        StaffMember user = CurrentStaff.get();
        Span who = new Span(user.displayName() + " · " + Formats.list(user.roles().stream()
                .map(role -> getTranslation("role." + role.name())).sorted().toList(), getLocale()));
        who.addClassName("current-user");
        Button logout = new Button(getTranslation("nav.logout"), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        // on a phone the drawer is an overlay (AppLayout does that below 800 px) and the user, language and
        // sign-out wrap to a second line of the navbar instead of pushing the page sideways
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), viewTitle);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setFlexGrow(1, viewTitle);
        bar.setWidthFull();
        bar.setWrap(true);
        bar.getStyle().set("row-gap", "0");
        viewTitle.getStyle().set("min-width", "0").set("overflow-wrap", "anywhere");
        HorizontalLayout right = new HorizontalLayout(who, new LanguageSwitch(), new ZoneSwitch(), logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.setWrap(true);
        right.getStyle().set("margin-right", "var(--lumo-space-m)").set("margin-left", "auto").set("row-gap", "0")
                .set("max-width", "100%");
        who.getStyle().set("overflow-wrap", "anywhere");
        bar.add(right);
        addToNavbar(true, bar);
    }

    /** The views of the menu that the signed-in user's roles may open. */
    static List<MenuEntry> accessibleEntries(AccessAnnotationChecker access) {
        return MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.menuClass() != null && access.hasAccess(entry.menuClass()))
                .toList();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        viewTitle.setText(content instanceof HasDynamicTitle titled ? titled.getPageTitle() : "");
    }
}
