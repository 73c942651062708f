using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class ErrorHandlingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task An_unknown_api_route_answers_404_problem_details()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task An_unknown_page_shows_the_not_found_page()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_malformed_query_value_names_the_parameter()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/measures?pageSize=lots");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _), problem.ToString());
    }

    [SkippableFact]
    public async Task Rule_messages_follow_the_callers_language()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/measures?pageSize=500");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("每页条数须在 1 到 200 之间。", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());
    }
}

public sealed class SqliteErrorHandlingTests(SqliteApp app) : ErrorHandlingTests<SqliteApp>(app);

public sealed class PostgresErrorHandlingTests(PostgresApp app) : ErrorHandlingTests<PostgresApp>(app);
