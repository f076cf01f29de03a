package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.taizhang.common.UserException;
import org.taizhang.common.ValidationException;
import org.taizhang.db.DatabaseException;
import org.taizhang.io.FileRefusedException;

class ErrorsTest {
    @Test
    void aUserErrorAnywhereInTheChainIsShownWithItsOwnMessage() {
        UserException u = new UserException("日期“２０２１年２月３０日”不存在 𠮷😀");
        assertThat(Errors.message(u)).isEqualTo(u.getMessage());
        assertThat(Errors.message(new CompletionException(new RuntimeException(u)))).isEqualTo(u.getMessage());
        assertThat(Errors.userError(new RuntimeException(u))).containsSame(u);
    }

    @Test
    void theUserFacingExceptionsAreUserErrors() {
        assertThat(Errors.userError(new ValidationException("日期", "请填写"))).isPresent();
        assertThat(Errors.userError(new DatabaseException("数据库文件已损坏"))).isPresent();
        assertThat(Errors.userError(new FileRefusedException("不是 Excel 文件"))).isPresent();
    }

    @Test
    void aBugIsNeverPresentedAsTheUsersMistake() {
        // an IllegalArgumentException (a NumberFormatException from a bug) is no longer the user-error channel
        NumberFormatException bug = new NumberFormatException("For input string: \"１２３\"");
        assertThat(Errors.userError(bug)).isEmpty();
        String shown = Errors.message(bug);
        assertThat(shown).startsWith("程序内部错误（错误编号 ").contains("请把日志文件 " + Logs.file() + " 发给维护人员")
                .doesNotContain("NumberFormatException").doesNotContain("For input string");
        String ref = shown.substring("程序内部错误（错误编号 ".length(), shown.indexOf('）'));
        assertThat(ref).matches("[A-Z2-9]{6}");
        assertThat(Errors.message(bug)).isNotEqualTo(shown); // every report gets its own reference
    }

    @Test
    void aBugsReferenceAndStackTraceAreInTheLogFile() throws Exception {
        String shown = Errors.reportBug(new IllegalStateException("内部状态不对 𠮷"));
        String ref = shown.substring("程序内部错误（错误编号 ".length(), shown.indexOf('）'));
        String log = Files.readString(Logs.file(), StandardCharsets.UTF_8);
        assertThat(log).contains("错误编号 " + ref).contains("java.lang.IllegalStateException: 内部状态不对 𠮷")
                .contains("at org.taizhang.app.ErrorsTest");
    }

    @Test
    void testsKeepTheLogOutOfTheUsersDataDirectory() {
        assertThat(Logs.file().toString()).contains("target");
        assertThat(Logs.file().getFileName().toString()).isEqualTo("taizhang.log");
    }
}
