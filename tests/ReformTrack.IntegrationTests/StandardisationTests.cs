using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReformTrack.Modules.Accounts;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Park standards and standardisation assessment rounds through the API, on both databases.</summary>
public abstract class StandardisationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private static readonly string AssessedOn = LedgerTestData.Today.ToString("yyyy-MM-dd");

    private sealed record SmallRound(int RoundId, int A, int B, int C, int District);

    private async Task<int> AddParkAsync(HttpClient client, int districtId, string name, double area, double output, int chiefId)
    {
        var park = (await (await client.PostAsJsonAsync("/api/v1/parks", new
        {
            name = LedgerTestData.Unique(name), districtUnitId = districtId, areaKm2 = area, annualOutput = output, outputYear = 2025,
        })).ReadAsync(HttpStatusCode.Created)).Id();
        await (await client.PostAsJsonAsync("/api/v1/chief-assignments",
            new { objectKind = "Park", objectId = park, level = "District", personId = chiefId, startOn = "2025-01-01" }))
            .ReadAsync(HttpStatusCode.Created);
        return park;
    }

    private static async Task<JsonNode> PublishedStandardAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/v1/standards", new
        {
            code = LedgerTestData.Unique("STD"),
            title = "工业园区标准化评价标准",
            excellentFrom = 90, goodFrom = 80, passFrom = 60,
            rectifyBelow = 0.6, rectifyWithinDays = 30,
            criteria = new object[]
            {
                new { key = "density", name = "单位面积产出", weight = 40, rule = "OutputDensity", target = 20 },
                new { key = "issues", name = "问题整改清零", weight = 20, rule = "OpenIssues", target = 2 },
                new { key = "quality", name = "管理服务", weight = 40, rule = "Assessor" },
            },
        });
        var draft = await created.ReadAsync(HttpStatusCode.Created);
        return await (await client.PostJsonAsync($"/api/v1/standards/{draft.Id()}/publish", new { }, created.ETag()))
            .ReadAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// Three parks of 10 km²: A (300 亿元, one open issue), B (100 亿元), C (300 亿元); assessor points 38, 30, 28.
    /// By hand: A 40 + 10 + 38 = 88, B 20 + 20 + 30 = 70, C 40 + 20 + 28 = 88.
    /// </summary>
    private async Task<SmallRound> SmallRoundAsync(HttpClient client, bool enterAll = true)
    {
        var district = await _data.AddUnitAsync();
        var chief = await _data.AddPersonAsync(district.Id);
        var a = await AddParkAsync(client, district.Id, "甲园", 10, 300, chief.Id);
        var b = await AddParkAsync(client, district.Id, "乙园", 10, 100, chief.Id);
        var c = await AddParkAsync(client, district.Id, "丙园", 10, 300, chief.Id);
        var assignmentA = (await client.GetJsonAsync($"/api/v1/parks/{a}"))["chiefs"]![0]!["assignmentId"]!.GetValue<int>();
        await (await client.PostAsJsonAsync($"/api/v1/chief-assignments/{assignmentA}/inspections", new
        {
            onDate = "2026-11-01", inspector = "园区办", findings = "雨污分流未完成",
            issues = new[] { new { description = "完成雨污分流", dueOn = "2026-12-31" } },
        })).ReadAsync(HttpStatusCode.Created);
        var standard = await PublishedStandardAsync(client);
        var round = await (await client.PostAsJsonAsync("/api/v1/parks/assessments", new
        {
            standardId = standard.Id(), title = LedgerTestData.Unique("评价"), assessedOn = AssessedOn, parkIds = new[] { a, b, c },
        })).ReadAsync(HttpStatusCode.Created);
        foreach (var (park, points) in enterAll ? new[] { (a, 38), (b, 30), (c, 28) } : [(a, 38), (b, 30)])
        {
            await (await client.PutAsJsonAsync($"/api/v1/parks/assessments/{round.Id()}/parks/{park}/scores/quality",
                new { points, note = "现场核查" })).ReadAsync(HttpStatusCode.OK);
        }

        return new SmallRound(round.Id(), a, b, c, district.Id);
    }

    private static async Task<JsonNode> FinaliseAsync(HttpClient client, int roundId)
    {
        var (_, etag) = await client.GetWithETagAsync($"/api/v1/parks/assessments/{roundId}");
        return await (await client.PostJsonAsync($"/api/v1/parks/assessments/{roundId}/finalise", new { }, etag))
            .ReadAsync(HttpStatusCode.OK);
    }

    private static JsonNode ResultOf(JsonNode round, int parkId) =>
        round["results"]!.AsArray().Single(r => r!["parkId"]!.GetValue<int>() == parkId)!;

    [SkippableFact]
    public async Task Round_scores_match_the_hand_computed_case_and_ties_share_rank_one()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var small = await SmallRoundAsync(client);

        var open = await client.GetJsonAsync($"/api/v1/parks/assessments/{small.RoundId}");
        var round = await FinaliseAsync(client, small.RoundId);

        foreach (var shown in new[] { open, round })
        {
            Assert.Equal((88m, 1, "Good"), Summary(ResultOf(shown, small.A)));
            Assert.Equal((88m, 1, "Good"), Summary(ResultOf(shown, small.C)));
            Assert.Equal((70m, 3, "Pass"), Summary(ResultOf(shown, small.B)));
        }

        Assert.Equal([40m, 10m, 38m], ResultOf(round, small.A)["criteria"]!.AsArray().Select(c => c!["points"]!.GetValue<decimal>()));
        Assert.Equal(0.5m, ResultOf(round, small.A)["criteria"]![1]!["raw"]!.GetValue<decimal>());
        Assert.Equal("Finalised", round["status"]!.GetValue<string>());

        var trend = await client.GetJsonAsync($"/api/v1/parks/{small.B}/assessments");
        Assert.Equal(small.RoundId, trend["latest"]!.Id());
        Assert.Equal((70m, 3), (trend["trend"]![0]!["score"]!.GetValue<decimal>(), trend["trend"]![0]!["rank"]!.GetValue<int>()));

        static (decimal, int, string) Summary(JsonNode result) =>
            (result["score"]!.GetValue<decimal>(), result["rank"]!.GetValue<int>(), result["grade"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Low_criteria_raise_rectification_items_on_the_park_chief_that_escalate_when_overdue()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var small = await SmallRoundAsync(client);

        var round = await FinaliseAsync(client, small.RoundId);

        // Below 60 % of the weight: A's open issues (10 of 20) and B's density (20 of 40); C's 28 of 40 is not.
        var items = round["rectifications"]!.AsArray();
        Assert.Equal([(small.A, "issues"), (small.B, "density")],
            items.Select(i => (i!["parkId"]!.GetValue<int>(), i["criterionKey"]!.GetValue<string>())).OrderBy(x => x.Item2 == "density"));
        var due = LedgerTestData.Today.AddDays(30);
        Assert.All(items, i => Assert.Equal(due.ToString("yyyy-MM-dd"), i!["dueOn"]!.GetValue<string>()));
        var issueId = items.Single(i => i!["parkId"]!.GetValue<int>() == small.B)!["issueId"]!.GetValue<int>();
        var unresolved = (await client.GetJsonAsync($"/api/v1/parks/{small.B}"))["openIssues"]!.AsArray();
        Assert.Contains(issueId, unresolved.Select(i => i!.Id()));

        try
        {
            app.Clock.AdjustTime(new DateTimeOffset(due.AddDays(15).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            Assert.Equal(2, (await client.GetJsonAsync($"/api/v1/chief-issues/{issueId}"))["escalationLevel"]!.GetValue<int>());
            var shown = await client.GetJsonAsync($"/api/v1/parks/assessments/{small.RoundId}");
            Assert.Equal(15, shown["rectifications"]!.AsArray().Single(i => i!["issueId"]!.GetValue<int>() == issueId)!["daysOverdue"]!
                .GetValue<int>());
            var board = await client.GetJsonAsync("/api/v1/chief-issues/escalations");
            Assert.Contains(issueId, board.AsArray().Single(g => g!["level"]!.GetValue<int>() == 2)!["issues"]!.AsArray().Select(i => i!.Id()));
        }
        finally
        {
            app.Clock.AdjustTime(ReformTrackApp.DefaultNow);
        }
    }

    [SkippableFact]
    public async Task A_finalised_round_never_changes_and_finalising_needs_every_assessor_criterion()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var small = await SmallRoundAsync(client, enterAll: false);
        var (_, etag) = await client.GetWithETagAsync($"/api/v1/parks/assessments/{small.RoundId}");

        await (await client.PostAsync($"/api/v1/parks/assessments/{small.RoundId}/finalise", JsonContent.Create(new { })))
            .AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.PostJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/finalise", new { }, etag))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "criterionKey");
        await (await client.PutAsJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/parks/{small.C}/scores/quality",
            new { points = 41, note = "超出分值" })).AssertProblemAsync(HttpStatusCode.BadRequest, "points");
        await (await client.PutAsJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/parks/{small.C}/scores/quality",
            new { points = 20 })).AssertProblemAsync(HttpStatusCode.BadRequest, "note");
        await (await client.PutAsJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/parks/{small.C}/scores/density",
            new { points = 20, note = "数据指标" })).AssertProblemAsync(HttpStatusCode.BadRequest, "criterionKey");
        await (await client.PutAsJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/parks/{small.C}/scores/quality",
            new { points = 28, note = "现场核查" })).ReadAsync(HttpStatusCode.OK);
        var finalised = await FinaliseAsync(client, small.RoundId);

        var problem = await (await client.PutAsJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/parks/{small.C}/scores/quality",
            new { points = 40, note = "改分" })).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
        Assert.NotNull(problem);
        await (await client.PostJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/finalise", new { },
            LedgerHttp.ETagFor(finalised["version"]!.GetValue<int>()))).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
        var after = await client.GetJsonAsync($"/api/v1/parks/assessments/{small.RoundId}");
        Assert.Equal(88m, ResultOf(after, small.C)["score"]!.GetValue<decimal>());
        Assert.Equal(2, after["rectifications"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task Editing_a_published_standard_makes_a_new_draft_revision_and_the_round_needs_a_published_one()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var standard = await PublishedStandardAsync(client);
        var (_, etag) = await client.GetWithETagAsync($"/api/v1/standards/{standard.Id()}");
        var edit = new
        {
            code = standard["code"]!.GetValue<string>(), title = "修订版", excellentFrom = 90, goodFrom = 80, passFrom = 60,
            rectifyBelow = 0.5, rectifyWithinDays = 60,
            criteria = new object[] { new { key = "quality", name = "管理服务", weight = 100, rule = "Assessor" } },
        };

        var draft = await (await client.PutJsonAsync($"/api/v1/standards/{standard.Id()}", edit, etag)).ReadAsync(HttpStatusCode.OK);
        var original = await client.GetJsonAsync($"/api/v1/standards/{standard.Id()}");

        Assert.NotEqual(standard.Id(), draft.Id());
        Assert.Equal((2, "Draft", "修订版"), (draft["revision"]!.GetValue<int>(), draft["status"]!.GetValue<string>(),
            draft["title"]!.GetValue<string>()));
        Assert.Equal((1, "Published", 3), (original["revision"]!.GetValue<int>(), original["status"]!.GetValue<string>(),
            original["criteria"]!.AsArray().Count));
        var district = await _data.AddUnitAsync();
        var park = (await (await client.PostAsJsonAsync("/api/v1/parks", new { name = LedgerTestData.Unique("园"), districtUnitId = district.Id }))
            .ReadAsync(HttpStatusCode.Created)).Id();
        await (await client.PostAsJsonAsync("/api/v1/parks/assessments", new
        {
            standardId = draft.Id(), title = "草稿评价", assessedOn = AssessedOn, parkIds = new[] { park },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "standardId");
        await (await client.PostAsJsonAsync("/api/v1/standards", new
        {
            code = "X", title = "x", excellentFrom = 90, goodFrom = 80, passFrom = 60, rectifyBelow = 0.6, rectifyWithinDays = 30,
            criteria = new object[] { new { key = "density", name = "产出", weight = 50, rule = "OutputDensity" } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "criteria[0].target");
    }

    [SkippableFact]
    public async Task A_district_user_sees_only_its_parks_in_a_round_and_may_not_finalise()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var small = await SmallRoundAsync(admin);
        var other = await _data.AddUnitAsync();

        using var viewer = app.CreateClientAs(Role.Viewer, await _data.UnitCodeAsync(small.District));
        var round = await viewer.GetJsonAsync($"/api/v1/parks/assessments/{small.RoundId}");
        Assert.Equal(3, round["results"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync($"/api/v1/parks/assessments/{small.RoundId}/finalise",
            new { }, "\"1\"")).StatusCode);

        using var outsider = app.CreateClientAs(Role.Office, await _data.UnitCodeAsync(other.Id));
        var hidden = await outsider.GetJsonAsync($"/api/v1/parks/assessments/{small.RoundId}");
        Assert.Empty(hidden["results"]!.AsArray());
        Assert.Equal(3, hidden["parkCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/parks/{small.A}/assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync(
            $"/api/v1/parks/assessments/{small.RoundId}/parks/{small.A}/scores/quality", new { points = 1, note = "x" })).StatusCode);
    }
}

public sealed class SqliteStandardisationTests(SqliteApp app) : StandardisationTests<SqliteApp>(app);

public sealed class PostgresStandardisationTests(PostgresApp app) : StandardisationTests<PostgresApp>(app);

public abstract class DemoStandardisationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task Demo_has_a_finalised_2021_round_over_the_parks_with_overdue_rectifications_and_a_two_round_trend()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var rounds = (await client.GetJsonAsync("/api/v1/parks/assessments")).AsArray();
        Assert.Equal(["2021-12-20", "2020-12-15"], rounds.Select(r => r!["assessedOn"]!.GetValue<string>()));
        Assert.All(rounds, r => Assert.Equal("Finalised", r!["status"]!.GetValue<string>()));
        var latest = await client.GetJsonAsync($"/api/v1/parks/assessments/{rounds[0]!.Id()}");
        Assert.Equal(11, latest["results"]!.AsArray().Count);
        Assert.Equal(1, latest["results"]![0]!["rank"]!.GetValue<int>());
        Assert.Contains(latest["rectifications"]!.AsArray(), r => r!["escalationLevel"]!.GetValue<int>() == 3);
        Assert.Contains(latest["rectifications"]!.AsArray(), r => r!["status"]!.GetValue<string>() == "Closed");

        var park = latest["results"]![0]!["parkId"]!.GetValue<int>();
        var trend = await client.GetJsonAsync($"/api/v1/parks/{park}/assessments");
        Assert.Equal(2, trend["trend"]!.AsArray().Count);
        Assert.Equal(rounds[0]!.Id(), trend["latest"]!.Id());
    }
}

public sealed class SqliteDemoStandardisationTests(SqliteDemoApp app) : DemoStandardisationTests<SqliteDemoApp>(app);

public sealed class PostgresDemoStandardisationTests(PostgresDemoApp app) : DemoStandardisationTests<PostgresDemoApp>(app);
