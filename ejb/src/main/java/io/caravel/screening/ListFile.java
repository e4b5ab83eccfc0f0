package io.caravel.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One file of a release, as loaded. */
@Entity(name = "SanctionsListFile")
@Table(name = "sanctions_list_file")
@IdClass(ListFile.Key.class)
public class ListFile {
    @Id
    @Column(name = "version_id")
    private String versionId;
    @Id
    @Column(name = "file_name")
    private String fileName;
    @Lob
    @Column(nullable = false)
    private byte[] content;

    protected ListFile() {
    }

    ListFile(String versionId, String fileName, byte[] content) {
        this.versionId = versionId;
        this.fileName = fileName;
        this.content = content;
    }

    String fileName() { return fileName; }
    byte[] content() { return content; }

    /** The key of a file row. */
    public static class Key implements Serializable {
        private String versionId;
        private String fileName;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(versionId, k.versionId) && Objects.equals(fileName, k.fileName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, fileName);
        }
    }
}
