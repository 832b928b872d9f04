# One image per service: docker build --build-arg SERVICE=event-service -t caravan/event-service .
# Build the jars first (./mvnw -DskipTests package); the image only packages the runnable jar.
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 caravan
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
USER caravan
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
