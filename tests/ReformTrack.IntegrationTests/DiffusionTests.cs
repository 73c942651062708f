using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Modules.Accounts;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Pilots, innovations and their replications, cases and honours, through the API on each database.</summary>
public abstract class DiffusionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private sealed record Units(int Parent, int Child, int Sibling, string ChildCode, string SiblingCode);

    private async Task<Units> UnitsAsync(HttpClient admin)
    {
        var parent = await admin.CreateUnitAsync("上级区", kind: "DistrictOffice");
        var childCode = GovernanceTestKit.Unique("C");
        var child = await admin.CreateUnitAsync("园区", (int)parent["id"]!, "Park", childCode);
        var siblingCode = GovernanceTestKit.Unique("S");
        var sibling = await admin.CreateUnitAsync("另一区", kind: "DistrictOffice", code: siblingCode);
        return new Units((int)parent["id"]!, (int)child["id"]!, (int)sibling["id"]!, childCode, siblingCode);
    }

    private static async Task<JsonNode> CreateInnovationAsync(HttpClient client, int originUnitId, string introduced = "2016-03-01") =>
        await (await client.PostAsJsonAsync("/api/v1/innovations",
                new { title = "“一口受理”审批", originUnitId, firstIntroducedOn = introduced, description = "首创", evidence = "文件" }))
            .ReadAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> ReplicateAsync(HttpClient client, int innovationId, object body) =>
        client.PostAsJsonAsync($"/api/v1/innovations/{innovationId}/replications", body);

    private static async Task<int> ReplicationIdAsync(HttpResponseMessage response, string adopter)
    {
        var detail = await response.ReadAsync(HttpStatusCode.Created);
        return (int)detail["timeline"]!.AsArray().Single(a => (string)a!["adopter"]! == adopter)!["id"]!;
    }

    private static object Pilot(int? holderUnitId, string status = "Applied", string? grantedOn = null, string? evaluationDueOn = null) =>
        new { name = "海绵城市建设试点", level = "National", grantingBody = "财政部", holderUnitId, status, grantedOn, evaluationDueOn };

    [SkippableFact]
    public async Task Chains_of_copies_count_each_adopter_once_per_level()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var units = await UnitsAsync(admin);
        var innovation = await CreateInnovationAsync(admin, units.Child);
        var id = (int)innovation["id"]!;

        // origin → 厦门 (province) → 泉州 (province, copying 厦门) → 全国 (nation, copying 泉州); 厦门 also at nation level.
        var xiamen = await ReplicationIdAsync(await ReplicateAsync(admin, id,
            new { adopterPlace = "厦门市", level = "Province", adoptedOn = "2016-06-01" }), "厦门市");
        var quanzhou = await ReplicationIdAsync(await ReplicateAsync(admin, id,
            new { adopterPlace = "泉州市", level = "Province", adoptedOn = "2016-09-01", sourceReplicationId = xiamen }), "泉州市");
        await ReplicationIdAsync(await ReplicateAsync(admin, id,
            new { adopterPlace = "全国", level = "Nation", adoptedOn = "2017-03-01", sourceReplicationId = quanzhou }), "全国");
        (await ReplicateAsync(admin, id, new { adopterPlace = "厦门市", level = "Nation", adoptedOn = "2017-04-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await ReplicateAsync(admin, id, new { adopterUnitId = units.Sibling, level = "County", adoptedOn = "2017-05-01",
            sourceReplicationId = quanzhou })).ReadAsync(HttpStatusCode.Created);

        // 厦门 adopting again at province level, now copying 泉州, is the same adopter at the same level.
        await (await ReplicateAsync(admin, id,
                new { adopterPlace = "厦门市", level = "Province", adoptedOn = "2018-01-01", sourceReplicationId = quanzhou }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "adopterPlace");

        var summary = await admin.GetJsonAsync($"/api/v1/innovations/summary?unitId={units.Parent}");
        Assert.Equal(1, (int)summary["pioneered"]!);
        Assert.Equal(2, Level(summary, "Province"));
        Assert.Equal(2, Level(summary, "Nation"));
        Assert.Equal(1, Level(summary, "County"));
        Assert.Equal(5, (int)summary["replicated"]!);
        var elsewhere = await admin.GetJsonAsync($"/api/v1/innovations/summary?unitId={units.Sibling}");
        Assert.Equal(0, (int)elsewhere["pioneered"]!);
        Assert.Equal(0, (int)elsewhere["replicated"]!);

        var detail = await admin.GetJsonAsync($"/api/v1/innovations/{id}");
        var root = detail["copyTree"]!;
        Assert.Equal("园区", (string)root["adopter"]!);
        var copiedFromOrigin = root["copies"]!.AsArray().Select(n => (string)n!["adopter"]!).Order().ToArray();
        Assert.Equal(["厦门市", "厦门市"], copiedFromOrigin);
        var xiamenNode = root["copies"]!.AsArray().Single(n => (string)n!["level"]! == "Province")!;
        var quanzhouNode = xiamenNode["copies"]!.AsArray().Single()!;
        Assert.Equal("泉州市", (string)quanzhouNode["adopter"]!);
        Assert.Equivalent(new[] { "另一区", "全国" }, quanzhouNode["copies"]!.AsArray().Select(n => (string)n!["adopter"]!).ToArray());
        Assert.Equal(5, detail["timeline"]!.AsArray().Count);
    }

    private static int Level(JsonNode summary, string level) =>
        (int)summary["replicationsByLevel"]!.AsArray().Single(l => (string)l!["level"]! == level)!["count"]!;

    [SkippableFact]
    public async Task Replication_rules_name_the_field_at_fault()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var units = await UnitsAsync(admin);
        var id = (int)(await CreateInnovationAsync(admin, units.Child))["id"]!;

        await (await ReplicateAsync(admin, id, new { adopterUnitId = units.Child, level = "City", adoptedOn = "2016-06-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "adopterUnitId");
        await (await ReplicateAsync(admin, id, new { adopterPlace = "宁德市", level = "Province", adoptedOn = "2015-01-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "adoptedOn");
        await (await ReplicateAsync(admin, id, new { adopterPlace = "宁德市", level = "Province", adoptedOn = "2016-06-01",
            sourceReplicationId = 999999 })).AssertProblemAsync(HttpStatusCode.BadRequest, "sourceReplicationId");
        var first = await ReplicationIdAsync(await ReplicateAsync(admin, id,
            new { adopterPlace = "宁德市", level = "Province", adoptedOn = "2016-06-01" }), "宁德市");
        await (await ReplicateAsync(admin, id, new { adopterPlace = "南平市", level = "Province", adoptedOn = "2016-05-01",
            sourceReplicationId = first })).AssertProblemAsync(HttpStatusCode.BadRequest, "sourceReplicationId");
    }

    [SkippableFact]
    public async Task Pilot_status_follows_its_lifecycle_and_an_illegal_move_names_the_status()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var units = await UnitsAsync(admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child))).ReadAsync(HttpStatusCode.Created);
        var url = $"/api/v1/pilots/{(int)created["id"]!}";
        Assert.Equal(["Granted", "Withdrawn"], created["nextStatuses"]!.AsArray().Select(s => (string)s!).ToArray());

        var (_, etag) = await admin.GetWithETagAsync(url);
        await (await admin.PutAsync(url, Pilot(units.Child, "Passed", "2016-04-27"), etag))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await admin.PutAsync(url, Pilot(units.Child, "Granted"), etag))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "grantedOn");

        var granted = await admin.PutAsync(url, Pilot(units.Child, "Granted", "2016-04-27"), etag);
        Assert.Equal("Granted", (string)(await granted.ReadAsync(HttpStatusCode.OK))["status"]!);
        (_, etag) = await admin.GetWithETagAsync(url);
        await (await admin.PutAsync(url, Pilot(units.Child, "Applied", "2016-04-27"), etag))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "status");
        var evaluating = await admin.PutAsync(url, Pilot(units.Child, "UnderEvaluation", "2016-04-27"), etag);
        Assert.Equal("UnderEvaluation", (string)(await evaluating.ReadAsync(HttpStatusCode.OK))["status"]!);

        // The old ETag no longer matches.
        (await admin.PutAsync(url, Pilot(units.Child, "Withdrawn", "2016-04-27"), etag)).StatusCode
            .ShouldBe(HttpStatusCode.PreconditionFailed);
        (await admin.PutAsync(url, Pilot(units.Child, "Withdrawn", "2016-04-27"), null)).StatusCode
            .ShouldBe(HttpStatusCode.PreconditionRequired);
        await (await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child, "Passed", "2016-04-27")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [SkippableFact]
    public async Task Pilots_due_for_evaluation_are_those_of_the_subtree_due_within_the_days_asked()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var units = await UnitsAsync(admin);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        async Task<int> PilotAsync(int unit, string status, int dueIn) => (int)(await (await admin.PostAsJsonAsync("/api/v1/pilots",
            Pilot(unit, status, status == "Applied" ? null : "2020-01-01", Day(dueIn)))).ReadAsync(HttpStatusCode.Created))["id"]!;

        var soon = await PilotAsync(units.Child, "Granted", 10);
        var overdue = await PilotAsync(units.Child, "Granted", -3);
        await PilotAsync(units.Child, "Granted", 100);
        await PilotAsync(units.Child, "Applied", 5);
        await PilotAsync(units.Sibling, "Granted", 5);

        var due = (await admin.GetJsonAsync($"/api/v1/pilots/due-for-evaluation?unitId={units.Parent}&withinDays=30")).AsArray();

        Assert.Equal([overdue, soon], due.Select(p => (int)p!["id"]!).ToArray());
        Assert.Equal(-3, (int)due[0]!["daysLeft"]!);
        await (await admin.GetAsync("/api/v1/pilots/due-for-evaluation?withinDays=5000"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "withinDays");
    }

    [SkippableFact]
    public async Task Scoped_users_list_only_their_subtree_and_others_records_are_not_found()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var units = await UnitsAsync(admin);
        var ownPilot = (int)(await (await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child))).ReadAsync(HttpStatusCode.Created))["id"]!;
        var otherPilot = (int)(await (await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Sibling))).ReadAsync(HttpStatusCode.Created))["id"]!;
        var areaPilot = (int)(await (await admin.PostAsJsonAsync("/api/v1/pilots",
            new { name = "城乡融合发展试验区", level = "National", grantingBody = "国家发展改革委", holderArea = "东部片区" }))
            .ReadAsync(HttpStatusCode.Created))["id"]!;
        var ownInnovation = (int)(await CreateInnovationAsync(admin, units.Child))["id"]!;
        var otherInnovation = (int)(await CreateInnovationAsync(admin, units.Sibling))["id"]!;
        var ownCase = (int)(await (await admin.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "改革案例", awardingBody = "中央改革办", level = "National", year = 2020, category = "TypicalCase", innovationId = ownInnovation,
        })).ReadAsync(HttpStatusCode.Created))["id"]!;
        var otherCase = (int)(await (await admin.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "示范城市", awardingBody = "国家发展改革委", level = "National", year = 2019, category = "DemonstrationCity", unitId = units.Sibling,
        })).ReadAsync(HttpStatusCode.Created))["id"]!;

        using var viewer = app.CreateClientAs(Role.Viewer, units.ChildCode);
        int[] Ids(JsonNode page) => page["items"]!.AsArray().Select(i => (int)i!["id"]!).ToArray();

        Assert.Equal([ownPilot], Ids(await viewer.GetJsonAsync("/api/v1/pilots?pageSize=200")));
        Assert.Equal([ownInnovation], Ids(await viewer.GetJsonAsync("/api/v1/innovations?pageSize=200")));
        Assert.Equal([ownCase], Ids(await viewer.GetJsonAsync("/api/v1/cases?pageSize=200")));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/pilots/{ownPilot}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/pilots/{otherPilot}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/pilots/{areaPilot}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/innovations/{otherInnovation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/cases/{otherCase}")).StatusCode);
        Assert.Equal(1, (int)(await viewer.GetJsonAsync("/api/v1/innovations/summary"))["pioneered"]!);

        var admins = Ids(await admin.GetJsonAsync("/api/v1/pilots?pageSize=200"));
        Assert.Contains(areaPilot, admins);
        Assert.Contains(otherPilot, admins);
    }

    [SkippableFact]
    public async Task Viewers_cannot_write_and_an_office_writes_only_in_its_subtree()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var units = await UnitsAsync(admin);
        var otherInnovation = (int)(await CreateInnovationAsync(admin, units.Sibling))["id"]!;
        var (_, etag) = await admin.GetWithETagAsync($"/api/v1/innovations/{otherInnovation}");

        using var viewer = app.CreateClientAs(Role.Viewer, units.ChildCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/innovations",
            new { title = "x", originUnitId = units.Child, firstIntroducedOn = "2020-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReplicateAsync(viewer, otherInnovation,
            new { adopterPlace = "宁德市", level = "Province", adoptedOn = "2020-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/cases", new { title = "x" })).StatusCode);
        using var leader = app.CreateClientAs(Role.Leader, units.ChildCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsync($"/api/v1/innovations/{otherInnovation}",
            new { title = "x", originUnitId = units.Sibling, firstIntroducedOn = "2016-03-01" }, etag)).StatusCode);

        using var office = app.CreateClientAs(Role.Office, units.ChildCode);
        await (await office.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child))).ReadAsync(HttpStatusCode.Created);
        await (await office.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Sibling)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "holderUnitId");
        Assert.Equal(HttpStatusCode.NotFound, (await office.PutAsync($"/api/v1/innovations/{otherInnovation}",
            new { title = "x", originUnitId = units.Sibling, firstIntroducedOn = "2016-03-01" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReplicateAsync(office, otherInnovation,
            new { adopterPlace = "宁德市", level = "Province", adoptedOn = "2020-01-01" })).StatusCode);
    }

    [SkippableFact]
    public async Task Unit_distinctions_count_the_subtree_within_the_period()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var units = await UnitsAsync(admin);
        await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child, "Granted", "2020-05-01"));
        await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child, "Granted", "2018-05-01"));
        await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Child));
        await admin.PostAsJsonAsync("/api/v1/pilots", Pilot(units.Sibling, "Granted", "2020-06-01"));
        (await admin.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "典型案例", awardingBody = "中央改革办", level = "National", year = 2020, category = "TypicalCase", unitId = units.Parent,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "旧案例", awardingBody = "中央改革办", level = "National", year = 2017, category = "TypicalCase", unitId = units.Child,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var innovation = (int)(await CreateInnovationAsync(admin, units.Child, "2018-01-01"))["id"]!;
        await ReplicateAsync(admin, innovation, new { adopterPlace = "厦门市", level = "Province", adoptedOn = "2019-03-01" });
        await ReplicateAsync(admin, innovation, new { adopterPlace = "全国", level = "Nation", adoptedOn = "2021-03-01" });

        var distinctions = app.Services.GetRequiredService<IUnitDistinctions>();
        var from = new DateOnly(2019, 1, 1);
        var to = new DateOnly(2020, 12, 31);
        var counts = await distinctions.CountAsync([units.Parent, units.Child, units.Sibling, 999999], from, to, CancellationToken.None);

        Assert.Equal(new DistinctionCounts(1, 1, 1), counts[units.Parent]);
        Assert.Equal(new DistinctionCounts(1, 0, 1), counts[units.Child]);
        Assert.Equal(new DistinctionCounts(1, 0, 0), counts[units.Sibling]);
        Assert.Equal(DistinctionCounts.None, counts[999999]);
        var listed = await distinctions.ListAsync(units.Parent, from, to, CancellationToken.None);
        Assert.Equal([DistinctionKind.PilotGranted, DistinctionKind.CaseWon, DistinctionKind.Replication],
            listed.Select(d => d.Kind).ToArray());
    }
}

internal static class StatusAssertions
{
    public static void ShouldBe(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);
}

public sealed class SqliteDiffusionTests(SqliteApp app) : DiffusionTests<SqliteApp>(app);

public sealed class PostgresDiffusionTests(PostgresApp app) : DiffusionTests<PostgresApp>(app);
