package org.taizhang.activity;

import java.util.List;
import org.taizhang.common.FieldError;
import org.taizhang.common.ValidationException;

/**
 * The same organiser already has an activity with the same name on the same date. Callers that are
 * sure (the user confirmed) repeat the call with {@code allowDuplicate = true}.
 */
public final class DuplicateActivityException extends ValidationException {
    private final int existingId;

    public DuplicateActivityException(int existingId, String message) {
        super(List.of(new FieldError(ActivityService.F_NAME, message)));
        this.existingId = existingId;
    }

    public int existingId() {
        return existingId;
    }
}
