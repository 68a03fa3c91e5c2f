package org.tlsconf.bench;

/** The smallest Java program: the JVM start-up baseline for bench/run.sh. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
