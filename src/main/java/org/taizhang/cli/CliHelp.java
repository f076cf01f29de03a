package org.taizhang.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.taizhang.app.Logs;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Help and usage errors in Chinese for the whole command tree: every command and subcommand answers
 * {@code -h/--help} (exit 0); the top level also {@code -V/--version}; a usage error (unknown option, missing
 * parameter, bad value) is explained in Chinese with a pointer to {@code --help}, exit {@link #EXIT_USAGE}.
 */
final class CliHelp {
    static final int EXIT_USAGE = 1;

    private CliHelp() {
    }

    /** Adds the help options, Chinese headings and the usage-error handler to {@code root} and every subcommand. */
    static void install(CommandLine root) {
        CommandSpec top = root.getCommandSpec();
        if (top.findOption("--version") == null) {
            top.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("显示版本和日志文件位置并退出").build());
        }
        top.usageMessage().footer("%n用 taizhang 命令 --help 查看每个命令的说明，如 taizhang activity list --help。",
                "日志文件：" + Logs.file().toString().replace("%", "%%"));
        walk(root);
        root.setParameterExceptionHandler(CliHelp::usageError);
    }

    private static void walk(CommandLine c) {
        CommandSpec spec = c.getCommandSpec();
        if (spec.userObject() instanceof CommandLine.HelpCommand) {
            // picocli's own help command speaks English: the same command, worded in Chinese
            spec.remove(spec.findOption("--help"));
            for (PositionalParamSpec p : List.copyOf(spec.positionalParameters())) {
                spec.remove(p);
                spec.addPositional(PositionalParamSpec.builder(p).paramLabel("命令").description("要查看说明的命令").build());
            }
            spec.usageMessage().header(new String[0]).description("显示某个命令的说明，如 taizhang help activity");
        }
        if (spec.findOption("--help") == null) {
            String[] names = spec.findOption("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
            spec.addOption(OptionSpec.builder(names).usageHelp(true).description("显示本命令的说明并退出").build());
        }
        spec.usageMessage().synopsisHeading("用法：").commandListHeading("%n命令：%n").optionListHeading("%n选项：%n")
                .parameterListHeading("%n参数：%n");
        for (CommandLine sub : c.getSubcommands().values()) {
            walk(sub);
        }
    }

    /** Prints a usage error in Chinese to the failing command's error stream and returns {@link #EXIT_USAGE}. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        PrintWriter err = c.getErr();
        err.println("用法错误：" + describe(e));
        err.println("用 " + c.getCommandSpec().qualifiedName() + " --help 查看这个命令的用法。");
        err.flush();
        return EXIT_USAGE;
    }

    /** The Chinese sentence for a picocli usage error. */
    static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String text = u.isUnknownOption() ? "不认识的选项“" + unmatched.getFirst() + "”" : "多余的参数“" + String.join(" ", unmatched) + "”";
            List<String> suggestions = u.getSuggestions();
            return suggestions.isEmpty() ? text : text + "，是不是要用：" + String.join("、", suggestions) + "？";
        }
        if (e instanceof MissingParameterException m) {
            return "缺少" + m.getMissing().stream().map(CliHelp::name).collect(Collectors.joining("、"));
        }
        if (e instanceof MutuallyExclusiveArgsException) {
            return "这些选项只能用其中一个：" + e.getMessage().replaceAll("^Error: ", "").replaceAll(" are mutually exclusive.*$", "");
        }
        if (e instanceof OverwrittenOptionException o) {
            return "选项 " + name(o.getOverwritten()) + " 只能给一次";
        }
        String msg = String.valueOf(e.getMessage());
        Matcher bad = INVALID_VALUE.matcher(msg);
        if (bad.find()) {
            return (bad.group(1) != null ? "选项 " + bad.group(1) : "参数 " + bad.group(2)) + " 的值“" + bad.group(3) + "”无效"
                    + reason(bad.group(4));
        }
        Matcher expects = EXPECTS_VALUE.matcher(msg);
        if (expects.find()) {
            return "选项 " + expects.group(1) + " 后面要写一个值";
        }
        return "命令写法不对（" + msg + "）";
    }

    private static final Pattern INVALID_VALUE =
            Pattern.compile("Invalid value for (?:option '([^']+)'|positional parameter at index \\d+ \\(([^)]*)\\)): '([^']*)'(?: is not an? )?(.*)$");
    private static final Pattern EXPECTS_VALUE = Pattern.compile("(?:Missing required parameter for option|Expected parameter for option) '([^']+)'");

    private static String reason(String picocli) {
        String r = picocli == null ? "" : picocli.strip();
        if (r.startsWith("int") || r.startsWith("long") || r.startsWith("integer")) {
            return "，应为整数";
        }
        if (r.startsWith("double") || r.startsWith("float") || r.startsWith("decimal")) {
            return "，应为数字";
        }
        Matcher oneOf = Pattern.compile("expected one of \\[(.*)]").matcher(r);
        if (oneOf.find()) {
            return "，可选：" + oneOf.group(1);
        }
        return "";
    }

    private static String name(ArgSpec a) {
        if (a instanceof OptionSpec o) {
            return "选项 " + o.longestName() + (o.arity().max() > 0 ? "=" + o.paramLabel() : "");
        }
        if (a instanceof PositionalParamSpec p) {
            return "参数 " + p.paramLabel();
        }
        return String.valueOf(a);
    }
}
