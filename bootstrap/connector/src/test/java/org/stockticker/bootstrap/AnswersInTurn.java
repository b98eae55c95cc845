package org.stockticker.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stub's answers in the order its requests arrive, the last one repeated: the n-th request gets the n-th answer
 * however many requests arrive at once. WireMock's scenarios cannot promise that, as two requests arriving together
 * may both see the same state; a provider's quota counts every request.
 *
 * <p>Register it with the server ({@code .extensions(answers)}), then stub with {@link #stub()}.
 */
final class AnswersInTurn implements ResponseDefinitionTransformerV2 {

    private static final String NAME = "answers-in-turn";

    private final AtomicInteger served = new AtomicInteger();
    private volatile List<ResponseDefinition> answers = List.of();

    /** Answers the requests to come with these, in turn, the last one to every request after it. */
    void answer(ResponseDefinitionBuilder... inTurn) {
        answers = Arrays.stream(inTurn).map(ResponseDefinitionBuilder::build).toList();
        served.set(0);
    }

    /** {@code answer} for the first {@code count} requests, then {@code refusal} to every later one. */
    void serveThenRefuse(int count, ResponseDefinitionBuilder answer, ResponseDefinitionBuilder refusal) {
        ResponseDefinitionBuilder[] inTurn = new ResponseDefinitionBuilder[count + 1];
        Arrays.fill(inTurn, 0, count, answer);
        inTurn[count] = refusal;
        answer(inTurn);
    }

    /** The response of a stub whose answers this gives. */
    static ResponseDefinitionBuilder stub() {
        return aResponse().withTransformers(NAME);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        List<ResponseDefinition> inTurn = answers;
        if (inTurn.isEmpty()) {
            throw new IllegalStateException("no answers given to " + NAME);
        }
        return inTurn.get(Math.min(served.getAndIncrement(), inTurn.size() - 1));
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
