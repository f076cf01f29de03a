package org.taizhang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Placeholder until its feature lands: says so and fails. */
@Command(name = "summary", description = "生成工作总结 Word 文档（即将推出）")
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("“summary”功能即将推出。");
        return 1;
    }
}
