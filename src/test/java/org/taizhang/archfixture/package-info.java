/**
 * Small classes that repeat the back-arrows the first version had (ui → cli, plan ↔ report, org ↔ person) and
 * JavaFX in a feature package, for {@link org.taizhang.LayerRulesCatchBackArrowsTest}. Never used by the program.
 */
package org.taizhang.archfixture;
