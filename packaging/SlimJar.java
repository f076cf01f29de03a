import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Packaging step (run by jpackage.sh with the JDK's source launcher, {@code java SlimJar.java IN OUT DIR}):
 * copies the application jar without the SQLite native libraries of other platforms (sqlite-jdbc carries
 * about twenty, 12 MB; the installer needs the one of the platform it is built on, {@code DIR} as
 * sqlite-jdbc names it, e.g. {@code Linux/x86_64}, {@code Windows/x86_64}, {@code Mac/aarch64}),
 * recompressing every entry at the highest level. Fails when the jar holds no library for DIR, so a
 * package can never ship without its database driver.
 */
public final class SlimJar {
    private static final String NATIVE = "org/sqlite/native/";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java SlimJar.java IN.jar OUT.jar OS/ARCH");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String keep = NATIVE + args[2] + "/";
        int kept = 0;
        long dropped = 0;
        try (ZipFile zip = new ZipFile(in.toFile());
             OutputStream os = Files.newOutputStream(out);
             ZipOutputStream zos = new ZipOutputStream(os)) {
            zos.setLevel(9);
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.startsWith(NATIVE) && !e.isDirectory() && !name.startsWith(keep)) {
                    dropped += e.getCompressedSize();
                    continue;
                }
                if (name.startsWith(keep) && !e.isDirectory()) {
                    kept++;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                zos.putNextEntry(copy);
                try (InputStream is = zip.getInputStream(e)) {
                    is.transferTo(zos);
                }
                zos.closeEntry();
            }
        }
        if (kept == 0) {
            Files.deleteIfExists(out);
            System.err.println("SlimJar: no SQLite native library under " + keep + " in " + in);
            System.exit(1);
        }
        System.out.printf("jar：去掉其他平台的 SQLite 本地库 %.1f MB，保留 %s%n", dropped / 1e6, keep);
    }
}
