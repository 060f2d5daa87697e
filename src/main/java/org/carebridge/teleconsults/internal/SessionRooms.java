package org.carebridge.teleconsults.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The video session of a teleconsult: a room name nobody can guess (160 random bits from
 * {@link SecureRandom}, URL-safe Base64), under the video service's base URL from
 * {@code carebridge.teleconsult.video-base-url}. The video service itself is configured, not built here.
 */
@Component
public class SessionRooms {

    private static final int ROOM_BYTES = 20;

    private final SecureRandom random = new SecureRandom();
    private final String baseUrl;

    SessionRooms(@Value("${carebridge.teleconsult.video-base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String newRoom() {
        byte[] bytes = new byte[ROOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String link(String room) {
        return room == null ? null : baseUrl + "/" + room;
    }
}
