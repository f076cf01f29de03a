package org.taizhang.archfixture.honor;

/** JavaFX in a feature package. */
public class HonorChart {
    public Object label() {
        return new javafx.scene.control.Label("集体");
    }
}
