package io;

import java.util.concurrent.ThreadFactory;

/** Worker threads that never keep the JVM alive: a command's exit, or a stop signal, is never held up by a pool. */
public final class DaemonThreads {
    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
