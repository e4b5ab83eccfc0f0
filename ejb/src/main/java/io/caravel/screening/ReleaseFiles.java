package io.caravel.screening;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a list release as an administrator hands them over: the files themselves by name, or
 * one ZIP archive holding them (in any folder), as OFAC offers its CSV set. Names are compared without
 * case; files a release does not consist of are ignored.
 */
public final class ReleaseFiles {

    /** Most a release may unpack to: the OFAC CSV set is about 4 MB, the UN XML about 2 MB. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private ReleaseFiles() {
    }

    /** The files of {@code source} among {@code uploaded} (file name → content); a ZIP among them is opened. */
    public static Map<String, byte[]> of(ListSource source, Map<String, byte[]> uploaded) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> upload : uploaded.entrySet()) {
            if (isZip(upload.getValue())) {
                files.putAll(unzip(source, upload.getValue()));
            } else {
                take(source, files, upload.getKey(), upload.getValue());
            }
        }
        return files;
    }

    /** The body of an upload: a ZIP archive of the release's files, or (a release of one file) that file. */
    public static Map<String, byte[]> ofBody(ListSource source, byte[] body) {
        if (isZip(body)) {
            return unzip(source, body);
        }
        if (source.files().size() == 1) {
            return Map.of(source.files().get(0), body);
        }
        throw new IllegalArgumentException("A release of " + source.code() + " is a ZIP archive of "
                + String.join(", ", source.files()));
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static Map<String, byte[]> unzip(ListSource source, byte[] archive) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = zip.readNBytes(MAX_BYTES + 1);
                total += content.length;
                if (total > MAX_BYTES) {
                    throw new IllegalArgumentException("The archive unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                take(source, files, entry.getName(), content);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The archive cannot be read: " + e.getMessage(), e);
        }
        return files;
    }

    private static void take(ListSource source, Map<String, byte[]> files, String path, byte[] content) {
        String name = path == null ? "" : path.substring(path.replace('\\', '/').lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (source.files().contains(name)) {
            files.put(name, content);
        }
    }
}
