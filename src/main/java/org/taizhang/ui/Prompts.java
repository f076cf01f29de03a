package org.taizhang.ui;

/**
 * What a view-model may ask of the person in front of the window: a yes/no question, and the report
 * of a failure that is not the clerk's mistake. The window answers with {@link Dialogs}; view-model
 * tests answer in code, so no stage is needed.
 */
public interface Prompts {
    /** Asks {@code header} (with the details {@code text}); true when the clerk agrees. */
    boolean confirm(String header, String text);

    /** Shows a failure (a bug, with its reference). */
    void error(Throwable e);

    /** The window's answers: {@link Dialogs} over the window {@code owner} gives when asked (null before it is shown). */
    static Prompts dialogs(java.util.function.Supplier<javafx.stage.Window> owner) {
        return new Prompts() {
            @Override
            public boolean confirm(String header, String text) {
                return Dialogs.confirm(owner.get(), header, text);
            }

            @Override
            public void error(Throwable e) {
                Dialogs.error(owner.get(), e);
            }
        };
    }

    /** The window that shows {@code tab}, or null while it is not in a shown tab pane. */
    static javafx.stage.Window windowOf(javafx.scene.control.Tab tab) {
        return tab == null || tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null : tab.getTabPane().getScene().getWindow();
    }
}
