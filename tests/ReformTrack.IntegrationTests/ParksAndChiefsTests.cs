using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Organisation;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Parks, chains and the chief system through the API: handovers, escalation, evidence, scope and roles.</summary>
public abstract class ParksAndChiefsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private async Task<int> CreateWaterAsync(HttpClient client, Unit district, string kind = "River") =>
        (await (await client.PostAsJsonAsync("/api/v1/waters",
            new { name = LedgerTestData.Unique("河"), kind, districtUnitId = district.Id })).ReadAsync(HttpStatusCode.Created))["water"]!.Id();

    private async Task<JsonNode> AssignAsync(HttpClient client, string kind, int objectId, int personId, string level = "District",
        string startOn = "2025-01-01") =>
        await (await client.PostAsJsonAsync("/api/v1/chief-assignments",
            new { objectKind = kind, objectId, level, personId, startOn })).ReadAsync(HttpStatusCode.Created);

    private static async Task<JsonNode> InspectAsync(HttpClient client, int assignmentId, string onDate, params (string Description, string DueOn)[] issues) =>
        await (await client.PostAsJsonAsync($"/api/v1/chief-assignments/{assignmentId}/inspections", new
        {
            onDate,
            inspector = "区河长办",
            findings = "发现问题若干",
            issues = issues.Select(i => new { description = i.Description, dueOn = i.DueOn }).ToArray(),
        })).ReadAsync(HttpStatusCode.Created);

    private static async Task<JsonNode> ActAsync(HttpClient client, int issueId, string action, string? text = null)
    {
        var (_, etag) = await client.GetWithETagAsync($"/api/v1/chief-issues/{issueId}");
        return await (await client.PostJsonAsync($"/api/v1/chief-issues/{issueId}/{action}", new { text }, etag)).ReadAsync(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Park_tier_is_computed_from_output_at_each_threshold()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var district = await _data.AddUnitAsync();
        var expected = new Dictionary<double, string>
        {
            [99.9] = "Below", [100] = "TenBillion", [499.9] = "TenBillion", [500] = "FiftyBillion",
            [999.9] = "FiftyBillion", [1000] = "HundredBillion",
        };
        foreach (var (output, tier) in expected)
        {
            var park = await (await client.PostAsJsonAsync("/api/v1/parks", new
            {
                name = LedgerTestData.Unique("园区"), districtUnitId = district.Id, annualOutput = output, outputYear = 2025,
            })).ReadAsync(HttpStatusCode.Created);
            Assert.Equal(tier, park["tier"]!.GetValue<string>());
        }

        var fifty = await client.GetJsonAsync($"/api/v1/parks?districtUnitId={district.Id}&tier=FiftyBillion");
        Assert.Equal([999.9, 500.0], fifty["items"]!.AsArray().Select(p => p!["annualOutput"]!.GetValue<double>()));
    }

    [SkippableFact]
    public async Task Park_update_needs_the_etag_it_read()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var district = await _data.AddUnitAsync();
        var created = await client.PostAsJsonAsync("/api/v1/parks",
            new { name = LedgerTestData.Unique("园区"), districtUnitId = district.Id, annualOutput = 480, outputYear = 2024 });
        var park = await created.ReadAsync(HttpStatusCode.Created);
        var body = new
        {
            name = park["name"]!.GetValue<string>(), districtUnitId = district.Id, annualOutput = 520, outputYear = 2025,
            designations = new[] { new { kind = "NewIndustrialisationBase", level = "National", year = 2025 } },
        };

        await (await client.PutAsync($"/api/v1/parks/{park.Id()}", body, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await (await client.PutAsync($"/api/v1/parks/{park.Id()}", body, created.Headers.ETag!.Tag)).ReadAsync(HttpStatusCode.OK);
        await (await client.PutAsync($"/api/v1/parks/{park.Id()}", body, created.Headers.ETag!.Tag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal("FiftyBillion", updated["tier"]!.GetValue<string>());
        Assert.Single(updated["designations"]!.AsArray());
    }

    [SkippableFact]
    public async Task Handover_keeps_the_previous_chiefs_history_and_moves_open_issues_but_not_closed_ones()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var district = await _data.AddUnitAsync();
        var first = await _data.AddPersonAsync(district.Id);
        var second = await _data.AddPersonAsync(district.Id);
        var water = await CreateWaterAsync(client, district);
        var assignment = await AssignAsync(client, "River", water, first.Id);
        var assignmentId = assignment["assignment"]!.Id();
        var inspection = await InspectAsync(client, assignmentId, "2025-03-01", ("修复护栏", "2025-04-30"), ("封堵排污口", "2025-08-31"),
            ("清理垃圾", "2025-05-31"));
        var issueIds = inspection["issueIds"]!.AsArray().Select(i => i!.GetValue<int>()).ToList();
        await ActAsync(client, issueIds[0], "rectify", "已修复");
        await ActAsync(client, issueIds[0], "close");
        await ActAsync(client, issueIds[2], "rectify", "已清理");

        var (_, etag) = await client.GetWithETagAsync($"/api/v1/chief-assignments/{assignmentId}");
        var successor = await (await client.PostJsonAsync($"/api/v1/chief-assignments/{assignmentId}/handover",
            new { successorPersonId = second.Id, on = "2025-06-30", note = "工作调整" }, etag)).ReadAsync(HttpStatusCode.Created);

        var previous = await client.GetJsonAsync($"/api/v1/chief-assignments/{assignmentId}");
        Assert.Equal("2025-06-30", previous["assignment"]!["endOn"]!.GetValue<string>());
        Assert.Equal([issueIds[0]], previous["issues"]!.AsArray().Select(i => i!.Id()));
        Assert.Single(previous["inspections"]!.AsArray());
        Assert.Equal(second.Id, successor["assignment"]!["personId"]!.GetValue<int>());
        Assert.Equal(assignmentId, successor["assignment"]!["predecessorId"]!.GetValue<int>());
        Assert.Equal([issueIds[1], issueIds[2]], successor["issues"]!.AsArray().Select(i => i!.Id()).Order());
        Assert.Equal([first.Id, second.Id], successor["history"]!.AsArray().Select(a => a!["personId"]!.GetValue<int>()));

        var history = await client.GetJsonAsync($"/api/v1/chief-assignments?objectKind=River&objectId={water}");
        Assert.Equal(2, history["total"]!.GetValue<int>());
        var again = await client.PostJsonAsync($"/api/v1/chief-assignments/{assignmentId}/handover",
            new { successorPersonId = second.Id, on = "2025-07-30" }, LedgerHttp.ETagFor(2));
        await again.AssertProblemAsync(HttpStatusCode.BadRequest, "id");
    }

    [SkippableFact]
    public async Task Overdue_issue_escalates_on_the_configured_days()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var district = await _data.AddUnitAsync();
        var chief = await _data.AddPersonAsync(district.Id);
        var water = await CreateWaterAsync(client, district, "Lake");
        var assignment = await AssignAsync(client, "Lake", water, chief.Id);
        var due = LedgerTestData.Today.AddDays(2);
        var inspection = await InspectAsync(client, assignment["assignment"]!.Id(), LedgerTestData.Today.ToString("yyyy-MM-dd"),
            ("清理湖面漂浮物", due.ToString("yyyy-MM-dd")));
        var issueId = inspection["issueIds"]![0]!.GetValue<int>();

        async Task<int> LevelOnAsync(DateOnly day)
        {
            app.Clock.AdjustTime(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            return (await client.GetJsonAsync($"/api/v1/chief-issues/{issueId}"))["escalationLevel"]!.GetValue<int>();
        }

        try
        {
            Assert.Equal(0, await LevelOnAsync(due));
            Assert.Equal(1, await LevelOnAsync(due.AddDays(1)));
            Assert.Equal(1, await LevelOnAsync(due.AddDays(14)));
            Assert.Equal(2, await LevelOnAsync(due.AddDays(15)));
            Assert.Equal(2, await LevelOnAsync(due.AddDays(29)));
            Assert.Equal(3, await LevelOnAsync(due.AddDays(30)));

            var board = await client.GetJsonAsync("/api/v1/chief-issues/escalations");
            var top = board.AsArray().First()!;
            Assert.Equal(3, top["level"]!.GetValue<int>());
            Assert.Contains(issueId, top["issues"]!.AsArray().Select(i => i!.Id()));

            await ActAsync(client, issueId, "rectify", "已清理");
            Assert.Equal(0, await LevelOnAsync(due.AddDays(30)));
        }
        finally
        {
            app.Clock.AdjustTime(ReformTrackApp.DefaultNow);
        }
    }

    [SkippableFact]
    public async Task Evidence_that_is_too_large_or_not_a_photo_is_a_400_naming_the_field_and_nothing_is_saved()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var district = await _data.AddUnitAsync();
        var chief = await _data.AddPersonAsync(district.Id);
        var water = await CreateWaterAsync(client, district);
        var assignment = await AssignAsync(client, "River", water, chief.Id);
        var inspection = await InspectAsync(client, assignment["assignment"]!.Id(), "2026-11-01");
        var url = $"/api/v1/inspections/{inspection.Id()}/evidence";

        static MultipartFormDataContent Upload(byte[] content, string type, string name)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            return new MultipartFormDataContent { { file, "file", name } };
        }

        var large = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(large, 0);
        await (await client.PostAsync(url, Upload(large, "image/png", "big.png"))).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await client.PostAsync(url, Upload("MZ not a photo"u8.ToArray(), "image/png", "fake.png")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await client.PostAsync(url, Upload("%PDF-1.7"u8.ToArray(), "text/html", "page.html")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        Assert.Empty((await client.GetJsonAsync($"/api/v1/inspections/{inspection.Id()}"))["evidence"]!.AsArray());
        Assert.Equal(0, await _data.ReadAsync(db => db.EvidenceFiles.CountAsync(f => f.InspectionId == inspection.Id())));

        var saved = await (await client.PostAsync(url, Upload(Png, "image/png", "site.png"))).ReadAsync(HttpStatusCode.Created);
        var served = await client.GetAsync($"/api/v1/evidence/{saved.Id()}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync($"/api/v1/evidence/{saved.Id()}")).StatusCode);
    }

    [SkippableFact]
    public async Task Viewer_may_read_but_not_write_and_a_district_user_does_not_find_another_districts_records()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var own = await _data.AddUnitAsync("甲区");
        var other = await _data.AddUnitAsync("乙区");
        var chief = await _data.AddPersonAsync(other.Id);
        var ownPark = await (await admin.PostAsJsonAsync("/api/v1/parks", new { name = LedgerTestData.Unique("甲园"), districtUnitId = own.Id }))
            .ReadAsync(HttpStatusCode.Created);
        var otherPark = await (await admin.PostAsJsonAsync("/api/v1/parks", new { name = LedgerTestData.Unique("乙园"), districtUnitId = other.Id }))
            .ReadAsync(HttpStatusCode.Created);
        var otherWater = await CreateWaterAsync(admin, other);
        var otherAssignment = (await AssignAsync(admin, "River", otherWater, chief.Id))["assignment"]!.Id();
        var otherInspection = await InspectAsync(admin, otherAssignment, "2026-11-01", ("整改", "2026-12-01"));
        var otherIssue = otherInspection["issueIds"]![0]!.GetValue<int>();
        var evidence = new MultipartFormDataContent { { new ByteArrayContent(Png) { Headers = { ContentType = new("image/png") } }, "file", "a.png" } };
        var otherFile = await (await admin.PostAsync($"/api/v1/inspections/{otherInspection.Id()}/evidence", evidence)).ReadAsync(HttpStatusCode.Created);

        using var viewer = app.CreateClientAs(Role.Viewer, await _data.UnitCodeAsync(own.Id));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/parks/{ownPark.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/parks", new { name = "新园", districtUnitId = own.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/waters", new { name = "新河", kind = "River", districtUnitId = own.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/chief-assignments/{otherAssignment}/inspections",
            new { onDate = "2026-11-01", inspector = "x", findings = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync($"/api/v1/chief-issues/{otherIssue}/rectify", new { text = "x" }, "\"1\"")).StatusCode);

        using var office = app.CreateClientAs(Role.Office, await _data.UnitCodeAsync(own.Id));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/parks/{ownPark.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/parks/{otherPark.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/waters/{otherWater}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/chief-assignments/{otherAssignment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/chief-issues/{otherIssue}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/inspections/{otherInspection.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/evidence/{otherFile.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostJsonAsync($"/api/v1/chief-issues/{otherIssue}/rectify", new { text = "x" }, "\"1\"")).StatusCode);
        await (await office.PostAsJsonAsync("/api/v1/parks", new { name = LedgerTestData.Unique("越界"), districtUnitId = other.Id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "districtUnitId");

        var parks = await office.GetJsonAsync("/api/v1/parks?pageSize=200");
        var ids = parks["items"]!.AsArray().Select(p => p!.Id()).ToList();
        Assert.Contains(ownPark.Id(), ids);
        Assert.DoesNotContain(otherPark.Id(), ids);
        var issues = await office.GetJsonAsync("/api/v1/chief-issues?pageSize=200");
        Assert.DoesNotContain(otherIssue, issues["items"]!.AsArray().Select(i => i!.Id()));
    }

    [SkippableFact]
    public async Task District_office_editing_a_chain_keeps_the_parks_it_cannot_see()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var own = await _data.AddUnitAsync("甲区");
        var other = await _data.AddUnitAsync("乙区");
        var ownPark = await (await admin.PostAsJsonAsync("/api/v1/parks", new { name = LedgerTestData.Unique("甲园"), districtUnitId = own.Id }))
            .ReadAsync(HttpStatusCode.Created);
        var otherPark = await (await admin.PostAsJsonAsync("/api/v1/parks", new { name = LedgerTestData.Unique("乙园"), districtUnitId = other.Id }))
            .ReadAsync(HttpStatusCode.Created);
        var cluster = await (await admin.PostAsJsonAsync("/api/v1/clusters", new { name = LedgerTestData.Unique("集群") })).ReadAsync(HttpStatusCode.Created);
        var chain = await (await admin.PostAsJsonAsync("/api/v1/chains", new
        {
            name = LedgerTestData.Unique("链"), clusterId = cluster.Id(), parkIds = new[] { ownPark.Id(), otherPark.Id() },
        })).ReadAsync(HttpStatusCode.Created);

        using var office = app.CreateClientAs(Role.Office, await _data.UnitCodeAsync(own.Id));
        var (seen, etag) = await office.GetWithETagAsync($"/api/v1/chains/{chain.Id()}");
        Assert.Equal([ownPark.Id()], seen["parks"]!.AsArray().Select(p => p!.Id()));
        await (await office.PutAsync($"/api/v1/chains/{chain.Id()}", new
        {
            name = seen["name"]!.GetValue<string>(), clusterId = cluster.Id(), description = "甲区补链", parkIds = new[] { ownPark.Id() },
        }, etag)).ReadAsync(HttpStatusCode.OK);

        var after = await admin.GetJsonAsync($"/api/v1/chains/{chain.Id()}");
        Assert.Equal("甲区补链", after["description"]!.GetValue<string>());
        Assert.Equal(new[] { ownPark.Id(), otherPark.Id() }.Order(), after["parks"]!.AsArray().Select(p => p!.Id()).Order());
    }

    [SkippableFact]
    public async Task Chain_shows_its_leader_parks_enterprises_and_measures()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var leader = await _data.AddPersonAsync(unit.Id);
        var measure = await _data.AddMeasureAsync(unit.Id, objective.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var park = await (await client.PostAsJsonAsync("/api/v1/parks", new { name = LedgerTestData.Unique("园区"), districtUnitId = unit.Id }))
            .ReadAsync(HttpStatusCode.Created);
        var cluster = await (await client.PostAsJsonAsync("/api/v1/clusters", new { name = LedgerTestData.Unique("集群") }))
            .ReadAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/chains", new
        {
            name = LedgerTestData.Unique("链"), clusterId = cluster.Id(), parkIds = new[] { park.Id() },
            enterprises = new[] { new { name = "某企业", parkId = (int?)park.Id() + 1000 } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest, "enterprises");
        var chain = await (await client.PostAsJsonAsync("/api/v1/chains", new
        {
            name = LedgerTestData.Unique("链"), clusterId = cluster.Id(), parkIds = new[] { park.Id() },
            enterprises = new[] { new { name = "龙头企业", parkId = (int?)park.Id() } }, measureIds = new[] { measure.Id },
        })).ReadAsync(HttpStatusCode.Created);
        await AssignAsync(client, "Chain", chain.Id(), leader.Id, "City");

        var detail = await client.GetJsonAsync($"/api/v1/chains/{chain.Id()}");
        Assert.Equal(leader.Name, detail["leaders"]![0]!["personName"]!.GetValue<string>());
        Assert.Equal(park.Id(), detail["parks"]![0]!.Id());
        Assert.Equal("龙头企业", detail["enterprises"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(measure.Id, detail["measures"]![0]!.Id());
        var scorecard = await client.GetJsonAsync($"/api/v1/parks/{park.Id()}");
        Assert.Equal(chain.Id(), scorecard["chains"]![0]!.Id());
        await (await client.PostAsJsonAsync("/api/v1/chief-assignments",
                new { objectKind = "Chain", objectId = chain.Id(), level = "City", personId = leader.Id, startOn = "2026-01-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "level");
    }
}

public sealed class SqliteParksAndChiefsTests(SqliteApp app) : ParksAndChiefsTests<SqliteApp>(app);

public sealed class PostgresParksAndChiefsTests(PostgresApp app) : ParksAndChiefsTests<PostgresApp>(app);

/// <summary>The parks and chiefs of the demo, as the article counts them, read through the API.</summary>
public abstract class DemoParksTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task Demo_has_the_articles_4_4_3_5_and_16()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var summary = await client.GetJsonAsync("/api/v1/parks/summary");
        var hundred = await client.GetJsonAsync("/api/v1/parks?tier=HundredBillion");
        var fifty = await client.GetJsonAsync("/api/v1/parks?tier=FiftyBillion");
        var bases = await client.GetJsonAsync("/api/v1/parks?designation=NewIndustrialisationBase");
        var clusters = await client.GetJsonAsync("/api/v1/clusters");
        var chains = await client.GetJsonAsync("/api/v1/chains?pageSize=200");

        Assert.Equal((4, 4, 3, 5, 16), (summary["hundredBillionParks"]!.GetValue<int>(), summary["fiftyBillionParks"]!.GetValue<int>(),
            summary["nationalDemonstrationBases"]!.GetValue<int>(), summary["clusters"]!.GetValue<int>(), summary["chains"]!.GetValue<int>()));
        Assert.Equal((4, 4, 3, 5, 16), (hundred["total"]!.GetValue<int>(), fifty["total"]!.GetValue<int>(), bases["total"]!.GetValue<int>(),
            clusters.AsArray().Count, chains["total"]!.GetValue<int>()));
        Assert.All(chains["items"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["leaderName"]?.GetValue<string>())));
    }

    [SkippableFact]
    public async Task Demo_rivers_have_chiefs_a_handover_and_an_escalated_issue()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var waters = await client.GetJsonAsync("/api/v1/waters?pageSize=200");
        var names = waters["items"]!.AsArray().Select(w => w!["name"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "闽江", "乌龙江", "晋安河", "西湖", "东湖" }, names.ToHashSet());
        Assert.All(waters["items"]!.AsArray(), w => Assert.NotEmpty(w!["chiefs"]!.AsArray()));

        var jinan = waters["items"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "晋安河")!;
        var detail = await client.GetJsonAsync($"/api/v1/waters/{jinan.Id()}");
        var district = detail["assignments"]!.AsArray().Where(a => a!["level"]!.GetValue<string>() == "District").ToList();
        Assert.Equal(2, district.Count);
        Assert.NotNull(district[0]!["endOn"]?.GetValue<string>());
        Assert.Equal(1, district[1]!["unresolvedIssues"]!.GetValue<int>());
        Assert.Contains(detail["issues"]!.AsArray(), i => i!["status"]!.GetValue<string>() == "Closed");

        var board = await client.GetJsonAsync("/api/v1/chief-issues/escalations");
        Assert.NotEmpty(board.AsArray().Single(g => g!["level"]!.GetValue<int>() == 3)!["issues"]!.AsArray());
        Assert.NotEmpty(board.AsArray().Single(g => g!["level"]!.GetValue<int>() == 1)!["issues"]!.AsArray());
    }
}

public sealed class SqliteDemoParksTests(SqliteDemoApp app) : DemoParksTests<SqliteDemoApp>(app);

public sealed class PostgresDemoParksTests(PostgresDemoApp app) : DemoParksTests<PostgresDemoApp>(app);
