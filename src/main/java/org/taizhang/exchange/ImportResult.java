package org.taizhang.exchange;

import java.nio.file.Path;
import java.util.List;

/**
 * What an applied import did. {@code kept} lists records the package would have removed or changed but that
 * stayed (a conflict, or still used by this office's own records), each with the reason.
 *
 * @param backup the backup taken just before (null when nothing had to change)
 */
public record ImportResult(ImportPreview preview, Path backup, int added, int changed, int removed, int attachments,
                           List<String> kept) {
    public boolean changedAnything() {
        return added + changed + removed + attachments > 0;
    }
}
