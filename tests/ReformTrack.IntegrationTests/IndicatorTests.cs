using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Indicators through the API: status against the trajectory, roll-up of units, observation import.</summary>
public abstract class IndicatorTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private static readonly DateOnly Today = LedgerTestData.Today;

    /// <summary>
    /// The test day is 2026-11-28. The plan runs two years to a target a year after, on, or a year before
    /// today; the value observed today is measured against where the plan has it today.
    /// </summary>
    [SkippableTheory]
    [InlineData("HigherIsBetter", 1, 4.5, "OnTrack")]   // before the target date: plan 4.5, observed 4.5
    [InlineData("HigherIsBetter", 1, 4.2, "OffTrack")]  // 30 % of the change behind
    [InlineData("HigherIsBetter", 0, 4.9, "AtRisk")]    // on the target date: 10 % short of 5
    [InlineData("HigherIsBetter", 0, 5.1, "OnTrack")]
    [InlineData("HigherIsBetter", -1, 4.7, "OffTrack")] // after the target date: still 5 to reach
    [InlineData("LowerIsBetter", 1, 3.5, "OnTrack")]    // plan 4 → 3, half way 3.5
    [InlineData("LowerIsBetter", 1, 3.6, "AtRisk")]
    [InlineData("LowerIsBetter", 0, 3.3, "OffTrack")]
    [InlineData("LowerIsBetter", -1, 3.0, "OnTrack")]
    public async Task Status_is_computed_against_the_trajectory_before_on_and_after_the_target_date(
        string direction, int targetYearsAfterToday, double observed, string expected)
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var target = Today.AddYears(targetYearsAfterToday);
        var higher = direction == "HigherIsBetter";
        var id = await CreateAsync(client, new
        {
            direction,
            baselineOn = target.AddYears(-2),
            baselineValue = higher ? 4.0 : 4.0,
            targetOn = target,
            targetValue = higher ? 5.0 : 3.0,
        });

        (await client.PostJsonAsync($"/api/v1/indicators/{id}/observations", new { on = Today, value = observed, source = "test" }))
            .EnsureSuccessStatusCode();

        var indicator = await client.GetJsonAsync($"/api/v1/indicators/{id}");
        Assert.Equal(expected, (string?)indicator["row"]!["status"]);
        Assert.Equal(observed, (double)indicator["row"]!["latest"]!["value"]!);
    }

    [SkippableTheory]
    [InlineData("Sum", 90)]
    [InlineData("Average", 30)]
    [InlineData("WeightedAverage", 43)]
    public async Task District_values_roll_up_to_the_city_by_the_indicators_own_method(string rollUp, double expected)
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var data = new LedgerTestData(app);
        var id = await CreateAsync(client, new { rollUp });
        var on = new DateOnly(2025, 12, 31);
        foreach (var (value, weight) in new[] { (10.0, 100.0), (20.0, 300.0), (60.0, 600.0) })
        {
            var district = await data.AddUnitAsync();
            (await client.PostJsonAsync($"/api/v1/indicators/{id}/observations",
                new { on, value, unitId = district.Id, weight })).EnsureSuccessStatusCode();
        }

        var indicator = await client.GetJsonAsync($"/api/v1/indicators/{id}");
        var actual = indicator["actuals"]!.AsArray().Single(a => (string?)a!["on"] == "2025-12-31")!;
        Assert.Equal(expected, (double)actual["value"]!, 6);
        Assert.Equal(3, indicator["breakdown"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task Import_errors_name_row_and_column_and_leave_nothing_saved()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var code = LedgerTestData.Unique("IND");
        var id = await CreateAsync(client, new { code });
        var csv = $"""
            Indicator,Date,Value,Unit,Weight,Source
            {code},2023-12-31,4.4,,,yearbook
            {code},31/31/2023,4.5,,,yearbook
            NO-SUCH-INDICATOR,2024-12-31,4.6,,,yearbook
            {code},2024-12-31,lots,,,yearbook
            {code},2025-12-31,4.8,NO-SUCH-UNIT,,yearbook
            """;

        var response = await client.PostAsync("/api/v1/indicators/observations/import/apply", Upload(csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = result["errors"]!.AsArray().Select(e => ((int)e!["row"]!, (string)e["column"]!)).ToList();
        Assert.Equal([(3, "Date"), (4, "Indicator"), (5, "Value"), (6, "Unit")], errors);
        Assert.False((bool)result["applied"]!);
        var indicator = await client.GetJsonAsync($"/api/v1/indicators/{id}");
        Assert.Empty(indicator["observations"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_clean_file_is_previewed_then_applied_in_full()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var code = LedgerTestData.Unique("IND");
        var id = await CreateAsync(client, new { code });
        var csv = $"""
            指标,日期,数值,来源
            {code},2023-12-31,4.4,统计年鉴
            {code},2024-12-31,4.6,统计年鉴
            """;

        var preview = await client.PostAsync("/api/v1/indicators/observations/import/preview", Upload(csv));
        var afterPreview = await client.GetJsonAsync($"/api/v1/indicators/{id}");
        var apply = await client.PostAsync("/api/v1/indicators/observations/import/apply", Upload(csv));
        var afterApply = await client.GetJsonAsync($"/api/v1/indicators/{id}");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Empty(afterPreview["observations"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Equal(2, afterApply["observations"]!.AsArray().Count);
        Assert.Equal("统计年鉴", (string?)afterApply["observations"]![0]!["source"]);
    }

    [SkippableFact]
    public async Task Editing_an_indicator_needs_the_version_it_read()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await new LedgerTestData(app).AddUnitAsync();
        var id = await CreateAsync(client, new { unitId = unit.Id });
        var (body, etag) = await client.GetWithETagAsync($"/api/v1/indicators/{id}");
        var change = Body(new { unitId = unit.Id, name = "Park green area per person", published = true });

        var first = await client.PutJsonAsync($"/api/v1/indicators/{id}", change, etag);
        var stale = await client.PutJsonAsync($"/api/v1/indicators/{id}", change, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.NotNull(body);
    }

    private async Task<int> CreateAsync(HttpClient client, object overrides)
    {
        var response = await client.PostJsonAsync("/api/v1/indicators", await WithUnitAsync(Body(overrides)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (int)JsonNode.Parse(text)!["row"]!["id"]!;
    }

    private async Task<JsonObject> WithUnitAsync(JsonObject body)
    {
        if (body["unitId"] is null)
        {
            body["unitId"] = (await new LedgerTestData(app).AddUnitAsync()).Id;
        }

        return body;
    }

    private static JsonObject Body(object overrides)
    {
        var body = new JsonObject
        {
            ["code"] = LedgerTestData.Unique("IND"),
            ["name"] = "Hospital beds per 1,000 people",
            ["unitOfMeasure"] = "beds",
            ["direction"] = "HigherIsBetter",
            ["baselineOn"] = "2020-12-31",
            ["baselineValue"] = 4.0,
            ["targetOn"] = "2026-12-31",
            ["targetValue"] = 5.0,
            ["rollUp"] = "Sum",
        };
        foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(overrides, LedgerHttp.Json))!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    private static MultipartFormDataContent Upload(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "observations.csv" } };
    }
}

public sealed class SqliteIndicatorTests(SqliteApp app) : IndicatorTests<SqliteApp>(app);

public sealed class PostgresIndicatorTests(PostgresApp app) : IndicatorTests<PostgresApp>(app);
