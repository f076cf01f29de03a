package org.taizhang.ui;

import javafx.scene.control.Button;

/** Small control factories the tabs share. */
public final class Controls {
    private Controls() {
    }

    /** A button with a node id (the tests look it up by id) that runs {@code action} when pressed. */
    public static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
