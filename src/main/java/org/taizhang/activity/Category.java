package org.taizhang.activity;

/** An activity category (学习教育, 志愿服务 …); inactive ones stay on old records but are not offered for new ones. */
public record Category(int id, String name, int sortOrder, boolean active) {
    @Override
    public String toString() {
        return active ? name : name + "（已停用）";
    }
}
