package org.stockticker.adapters.polygon;

import feign.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Supplier;
import org.stockticker.application.port.out.ProviderUnavailableException;

/**
 * Asks Massive for the pages of an answer: the first one, and each one a {@code next_url} names, with the key
 * appended (Massive leaves it out). Only the path and query of a {@code next_url} are taken, and asked for at the
 * scheme, host and port of the configured base URL: Massive names its former host {@code api.polygon.io} in them
 * while {@code api.massive.com} is configured, and a stub or proxy may spell its own host differently, so the host
 * named is no reason to stop, and the key is never sent anywhere but to the configured base URL (redirects are not
 * followed either). A {@code next_url} that is no URL is a {@link ProviderUnavailableException}.
 *
 * <p>A 404 where Massive answers for everything asked for most likely means that the base URL points at something
 * else; it is reported so.
 */
final class PolygonPaging {

    private final String provider;
    private final PolygonApi api;
    private final URI base;
    private final String apiKey;

    PolygonPaging(String provider, PolygonApi api, URI base, String apiKey) {
        this.provider = provider;
        this.api = api;
        this.base = base;
        this.apiKey = apiKey;
    }

    /** The answer {@code call} asks for, about {@code what} ("the splits of AAPL"), as messages name it. */
    Response first(String what, Supplier<Response> call) {
        try {
            return call.get();
        } catch (PolygonErrorDecoder.NotFound e) {
            throw notFound(what, e);
        }
    }

    /**
     * The page {@code nextUrl} names, on the configured host, with the key: a next page of {@code pageOf} (a ticker,
     * or what a list is of) that answers {@code what}.
     */
    Response next(String nextUrl, String pageOf, String what) {
        URI page = onConfiguredHost(nextUrl, pageOf);
        return first(what, () -> api.page(page, apiKey));
    }

    /** A 404 where Massive answers for everything asked for: the base URL most likely points at something else. */
    ProviderUnavailableException notFound(String what, PolygonErrorDecoder.NotFound e) {
        return new ProviderUnavailableException("provider " + provider + " answered HTTP 404 for " + what
                + e.explanation().suffix() + " (is provider.base_url right?)", null);
    }

    /**
     * The page {@code nextUrl} names, at the configured scheme, host and port: its path and query as sent (still
     * percent-encoded, so that a cursor arrives unchanged), whatever scheme, host, port or user it names.
     */
    private URI onConfiguredHost(String nextUrl, String pageOf) {
        try {
            URI named = base.resolve(new URI(nextUrl));
            if (named.isOpaque() || named.getRawPath() == null) {
                throw notAUrl(pageOf);
            }
            String query = named.getRawQuery() == null ? "" : "?" + named.getRawQuery();
            return new URI(base.getScheme() + "://" + base.getRawAuthority() + named.getRawPath() + query);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw notAUrl(pageOf);
        }
    }

    private ProviderUnavailableException notAUrl(String pageOf) {
        return new ProviderUnavailableException("provider " + provider + " named a next page of " + pageOf
                + " that is not a valid URL", null);
    }
}
