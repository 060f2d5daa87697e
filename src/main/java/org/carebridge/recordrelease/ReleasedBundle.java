package org.carebridge.recordrelease;

/** A released FHIR R4 Bundle, as JSON, with the SHA-256 (hex) of its UTF-8 bytes as stored at release. */
public record ReleasedBundle(String json, String sha256) {
}
