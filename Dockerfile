# The connector image: `docker build -t airbyte/source-stock-ticker:0.1.0 .` on a fresh clone.
# Both base images are build arguments so that a local image can stand in for the public one
# (see docs/docker.md and scripts/container-test).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---- build stage: the fat jar, with the project's own build command ----
FROM ${BUILD_IMAGE} AS build
WORKDIR /build

# The poms alone first, so that the dependency download is a layer of its own, rebuilt only when a pom changes.
COPY pom.xml ./
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY bom/pom.xml bom/
COPY adapters/pom.xml adapters/
COPY adapters/providers/pom.xml adapters/providers/
COPY adapters/airbyte/pom.xml adapters/airbyte/
COPY bootstrap/pom.xml bootstrap/
COPY bootstrap/stock-history/pom.xml bootstrap/stock-history/
COPY bootstrap/connector/pom.xml bootstrap/connector/
COPY architecture-tests/pom.xml architecture-tests/
RUN mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline

COPY domain/src domain/src
COPY application/src application/src
COPY adapters/providers/src adapters/providers/src
COPY adapters/airbyte/src adapters/airbyte/src
COPY bootstrap/stock-history/src bootstrap/stock-history/src
COPY bootstrap/connector/src bootstrap/connector/src
COPY architecture-tests/src architecture-tests/src
RUN mvn -B -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package

# ---- runtime stage: a JRE, the jar, and a class-data-sharing archive ----
FROM ${RUNTIME_IMAGE}
LABEL io.airbyte.name="airbyte/source-stock-ticker" \
      io.airbyte.version="0.1.0"

WORKDIR /app
COPY --from=build /build/bootstrap/connector/target/source-stock-ticker.jar /app/source-stock-ticker.jar

# A dynamic CDS archive of the classes that every command loads (ClassDataTraining runs each of them, on a local CSV
# file and against an IEX-shaped answer on loopback), made by the image's own JVM with the entrypoint's settings (an
# archive only serves the exact JVM build and collector that wrote it), so that every command starts faster. Then the non-root user the connector runs as:
# useradd (Debian, Ubuntu), adduser (Alpine, BusyBox), or plain /etc/passwd lines when the base has neither.
RUN java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xmn64m -XX:-UsePerfData \
      -XX:ArchiveClassesAtExit=/app/source-stock-ticker.jsa -cp /app/source-stock-ticker.jar \
      org.stockticker.bootstrap.ClassDataTraining \
 && chmod 0644 /app/source-stock-ticker.jar /app/source-stock-ticker.jsa \
 && if command -v useradd >/dev/null 2>&1; then \
      groupadd --gid 10001 airbyte && \
      useradd --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin airbyte; \
    elif command -v adduser >/dev/null 2>&1; then \
      addgroup -g 10001 -S airbyte && adduser -u 10001 -G airbyte -S -H -h /app airbyte; \
    else \
      echo 'airbyte:x:10001:10001:airbyte:/app:/sbin/nologin' >>/etc/passwd && \
      echo 'airbyte:x:10001:' >>/etc/group; \
    fi

USER 10001:10001

# -Xlog:disable -Xlog:all=warning:stderr: the JVM's own warnings go to stderr, never to stdout, which carries
# only Airbyte messages. -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1: the JIT's quick tier only, which costs less
# CPU than it saves in a sync; -XX:+UseSerialGC -Xmn64m: a small heap that stays flat; -XX:-UsePerfData: no file
# in /tmp (see BENCHMARKS.md). -XX:SharedArchiveFile: the archive above (ignored, with a warning on stderr, if
# unusable).
ENV AIRBYTE_ENTRYPOINT="java -Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xmn64m -XX:-UsePerfData -XX:SharedArchiveFile=/app/source-stock-ticker.jsa -jar /app/source-stock-ticker.jar"
ENTRYPOINT ["java", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-Xmn64m", "-XX:-UsePerfData", "-XX:SharedArchiveFile=/app/source-stock-ticker.jsa", "-jar", "/app/source-stock-ticker.jar"]
