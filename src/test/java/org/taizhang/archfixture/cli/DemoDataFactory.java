package org.taizhang.archfixture.cli;

public class DemoDataFactory {
}
