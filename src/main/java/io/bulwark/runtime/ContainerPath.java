package io.bulwark.runtime;

import io.bulwark.InputException;

/** Checks of a path inside the container as the user gives it. */
public final class ContainerPath {
    private ContainerPath() {
    }

    /** An absolute, normal path: no "..", no ".", no empty parts beyond the root. */
    public static String check(String input, String path) {
        if (!path.startsWith("/") || path.contains("\0")) {
            throw new InputException(input + ": " + path + " must be an absolute path in the container");
        }
        for (String part : path.substring(1).split("/", -1)) {
            if (part.equals("..") || part.equals(".") || (part.isEmpty() && !path.equals("/"))) {
                throw new InputException(input + ": write " + path + " without '.', '..' or '//'");
            }
        }
        return path;
    }
}
