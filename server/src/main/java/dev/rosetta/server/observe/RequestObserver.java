package dev.rosetta.server.observe;

import java.util.List;

/** Told of every finished request, on the event loop: must be quick and must not block. */
public interface RequestObserver {
    void onRequest(RequestEvent event);

    /** Tells every observer in turn. */
    static RequestObserver all(List<RequestObserver> observers) {
        List<RequestObserver> copy = List.copyOf(observers);
        return event -> {
            for (RequestObserver o : copy) {
                o.onRequest(event);
            }
        };
    }

    RequestObserver NONE = event -> { };
}
