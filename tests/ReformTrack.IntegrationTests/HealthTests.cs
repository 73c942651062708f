using System.Net;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Ping_answers_pong_without_credentials()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        var reference = await client.GetAsync("/scalar/v1");

        Assert.Contains("\"/api/v1/measures\"", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}

public sealed class SqliteHealthTests(SqliteApp app) : HealthTests<SqliteApp>(app);

public sealed class PostgresHealthTests(PostgresApp app) : HealthTests<PostgresApp>(app);
