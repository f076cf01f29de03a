package org.taizhang.exchange;

import org.taizhang.common.UserException;

/** A data package that is not accepted (damaged, altered, from a newer version, for an unknown organisation…); nothing was written. */
public final class PackageRefusedException extends UserException {
    public PackageRefusedException(String message) {
        super(message);
    }

    public PackageRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
