package org.taizhang.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

/** A tab whose feature is still to come; says what it will do. */
public final class PlaceholderTab implements AppTab {
    private final Tab tab;

    public PlaceholderTab(String title, String whatComes) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-3");
        Label text = new Label(whatComes);
        text.setWrapText(true);
        VBox box = new VBox(12, heading, text);
        box.setPadding(new Insets(24));
        tab = new Tab(title, box);
        tab.setClosable(false);
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public void reload() {
        // nothing to load yet
    }
}
