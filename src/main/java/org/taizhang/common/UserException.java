package org.taizhang.common;

/**
 * A problem the user can fix: the input, the file or the situation is not acceptable, and the message says
 * in Chinese what is wrong and what to do. Everything that is not a {@code UserException} reaching the top of
 * a command or an action is a bug: it is logged and shown with a reference, never as the user's mistake.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
