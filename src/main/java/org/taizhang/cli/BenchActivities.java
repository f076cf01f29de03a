package org.taizhang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Placeholder until its feature lands: says so and fails. */
@Command(name = "activities", description = "活动台账性能测试（即将推出）")
final class BenchActivities implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("“activities”功能即将推出。");
        return 1;
    }
}
