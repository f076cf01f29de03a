package org.taizhang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Placeholder until its feature lands: says so and fails. */
@Command(name = "check", description = "检查数据库完整性（即将推出）")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("“check”功能即将推出。");
        return 1;
    }
}
