package org.carebridge.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * How much one API call may list: {@code size} and {@code limit} from 1 to
 * {@code carebridge.api.max-page-size} (200), {@code page} from 0 to {@code carebridge.api.max-page}, on
 * every {@code /api} path at once, so a new list cannot forget it. Spring Data would quietly shrink a
 * size of 10,000 to 200 and a negative page to 0; the caller would then believe it had everything. A 400
 * naming the parameter tells it instead. Endpoints may cap lower themselves (referral suggestions: 20).
 */
@Component
class PagingLimits extends OncePerRequestFilter {

    private final int maxPageSize;
    private final int maxPage;
    private final ObjectMapper json;

    PagingLimits(@Value("${carebridge.api.max-page-size:200}") int maxPageSize,
            @Value("${carebridge.api.max-page:100000}") int maxPage, ObjectMapper json) {
        this.maxPageSize = maxPageSize;
        this.maxPage = maxPage;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // from the query string only: a JSON body is not parameters, and reading a form body here would consume it
        String query = request.getQueryString();
        if (query == null) {
            chain.doFilter(request, response);
            return;
        }
        MultiValueMap<String, String> parameters = UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
        List<FieldError> errors = new ArrayList<>();
        check(parameters, "size", 1, maxPageSize, errors);
        check(parameters, "limit", 1, maxPageSize, errors);
        check(parameters, "page", 0, maxPage, errors);
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Problems.send(response, Problems.invalid(errors), json);
    }

    private static void check(MultiValueMap<String, String> parameters, String parameter, int min, int max,
            List<FieldError> errors) {
        for (String encoded : parameters.getOrDefault(parameter, List.of())) {
            String value = encoded == null ? "" : UriUtils.decode(encoded, StandardCharsets.UTF_8);
            long number;
            try {
                number = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError(parameter, "must be a whole number from " + min + " to " + max));
                return;
            }
            if (number < min || number > max) {
                errors.add(new FieldError(parameter, "must be from " + min + " to " + max));
                return;
            }
        }
    }
}
