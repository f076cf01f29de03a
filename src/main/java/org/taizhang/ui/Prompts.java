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
}
