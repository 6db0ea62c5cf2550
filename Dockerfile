# Production image of the back-office. Build: docker build -t api-particulier-admin .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Node and npm fetch the DSFR during the build (see RestoreDsfr in Admin.Web.csproj).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Build first so the DSFR files exist under wwwroot when publish collects static assets.
RUN dotnet build src/Admin.Web -c Release \
 && dotnet publish src/Admin.Web -c Release --no-build -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown "$APP_UID" /data
# MALLOC_ARENA_MAX=2: glibc keeps two malloc arenas instead of eight per core, and the memory SQLite, OpenSSL and
# the runtime free goes back to them instead of staying spread over idle arenas (bench/README.md: 25 MB less with a
# million cached keys). See docs/decisions/0022-gateway-measured-as-deployed.md.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    MALLOC_ARENA_MAX=2 \
    Database__DataDirectory=/data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD ["dotnet", "Admin.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Admin.Web.dll"]
