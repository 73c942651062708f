using System.Net;
using System.Net.Http.Json;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class OrganisationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task Units_are_listed_in_tree_order_with_depth_and_path()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var root = await client.CreateUnitAsync("改革委员会", kind: "Commission", code: GovernanceTestKit.Unique("A"));
        var office = await client.CreateUnitAsync("改革办", root.Id(), "Office", GovernanceTestKit.Unique("B"));
        var group = await client.CreateUnitAsync("经济体制改革专项小组", root.Id(), "WorkingGroup", GovernanceTestKit.Unique("A"));
        var district = await client.CreateUnitAsync("鼓楼区改革办", office.Id(), "DistrictOffice");

        var rows = (await client.GetJsonAsync($"/api/v1/units?under={root.Id()}")).AsArray();

        Assert.Equal([root.Id(), group.Id(), office.Id(), district.Id()], rows.Select(r => r!.Id()));
        Assert.Equal([0, 1, 1, 2], rows.Select(r => r!["depth"]!.GetValue<int>()));
        Assert.Equal($"/{root.Id()}/{office.Id()}/{district.Id()}/", rows[3]!["path"]!.GetValue<string>());
        Assert.Equal("DistrictOffice", rows[3]!["kind"]!.GetValue<string>());
        Assert.Equal(office.Id(), rows[3]!["parentId"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Units_filter_by_kind_and_text()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var root = await client.CreateUnitAsync("福州市", kind: "Commission");
        var park = await client.CreateUnitAsync("福州高新区", root.Id(), "Park");
        await client.CreateUnitAsync("市财政局", root.Id());

        var parks = (await client.GetJsonAsync($"/api/v1/units?under={root.Id()}&kind=Park")).AsArray();
        var found = (await client.GetJsonAsync($"/api/v1/units?under={root.Id()}&q=财政")).AsArray();

        Assert.Equal([park.Id()], parks.Select(r => r!.Id()));
        Assert.Equal("市财政局", Assert.Single(found)!["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Unit_detail_counts_the_measures_it_leads_itself_and_with_its_subtree()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var root = await client.CreateUnitAsync("Commission", kind: "Commission");
        var child = await client.CreateUnitAsync("Finance bureau", root.Id());
        var objective = await client.CreateObjectiveAsync("Economy");
        await app.InsertMeasureAsync(root.Id(), objective.Id());
        await app.InsertMeasureAsync(child.Id(), objective.Id());
        await app.InsertMeasureAsync(child.Id(), objective.Id());

        var (detail, etag) = await client.GetWithETagAsync($"/api/v1/units/{root.Id()}");
        var list = (await client.GetJsonAsync($"/api/v1/units?under={root.Id()}")).AsArray();

        Assert.Equal($"\"{detail["version"]!.GetValue<int>()}\"", etag);
        Assert.Equal(1, detail["measuresLed"]!.GetValue<int>());
        Assert.Equal(3, detail["measuresLedInSubtree"]!.GetValue<int>());
        Assert.Equal("Finance bureau", Assert.Single(detail["children"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal([3, 2], list.Select(r => r!["measureCount"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task Moving_a_unit_moves_the_paths_of_its_whole_subtree()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var a = await client.CreateUnitAsync("A", kind: "Commission");
        var b = await client.CreateUnitAsync("B", kind: "Commission");
        var moved = await client.CreateUnitAsync("Moved", a.Id());
        var child = await client.CreateUnitAsync("Child", moved.Id());
        var grandchild = await client.CreateUnitAsync("Grandchild", child.Id());

        var response = await client.PutAsync($"/api/v1/units/{moved.Id()}",
            new { code = moved["code"]!.GetValue<string>(), name = "Moved", kind = "Department", parentId = b.Id() }, "\"2\"");
        var updated = await response.ReadAsync(HttpStatusCode.OK);
        var under = (await client.GetJsonAsync($"/api/v1/units?under={b.Id()}")).AsArray();
        var underA = (await client.GetJsonAsync($"/api/v1/units?under={a.Id()}")).AsArray();

        Assert.Equal($"/{b.Id()}/{moved.Id()}/", updated["path"]!.GetValue<string>());
        Assert.Equal($"/{b.Id()}/{moved.Id()}/{child.Id()}/{grandchild.Id()}/",
            under.Single(r => r!.Id() == grandchild.Id())!["path"]!.GetValue<string>());
        Assert.Equal(3, under.Single(r => r!.Id() == grandchild.Id())!["depth"]!.GetValue<int>());
        Assert.Single(underA);
    }

    [SkippableFact]
    public async Task A_unit_cannot_move_under_its_own_sub_unit()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var top = await client.CreateUnitAsync("Top", kind: "Commission");
        var sub = await client.CreateUnitAsync("Sub", top.Id());
        var (_, etag) = await client.GetWithETagAsync($"/api/v1/units/{top.Id()}");

        var response = await client.PutAsync($"/api/v1/units/{top.Id()}",
            new { code = top["code"]!.GetValue<string>(), name = "Top", kind = "Commission", parentId = sub.Id() }, etag);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        Assert.Equal("UnitCannotBeMovedUnderItself", problem["rule"]!.GetValue<string>());
        Assert.Null((await client.GetJsonAsync($"/api/v1/units/{top.Id()}"))["parentId"]);
    }

    [SkippableFact]
    public async Task Invalid_units_are_refused_naming_the_field()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var noCode = await client.PostAsJsonAsync("/api/v1/units", new { name = "X", kind = "Department" });
        var longName = await client.PostAsJsonAsync("/api/v1/units",
            new { code = GovernanceTestKit.Unique("U"), name = new string('名', 201), kind = "Department" });
        var noKind = await client.PostAsJsonAsync("/api/v1/units", new { code = GovernanceTestKit.Unique("U"), name = "X" });
        var badKind = await client.PostAsJsonAsync("/api/v1/units",
            new { code = GovernanceTestKit.Unique("U"), name = "X", kind = "Ministry" });
        var noParent = await client.PostAsJsonAsync("/api/v1/units",
            new { code = GovernanceTestKit.Unique("U"), name = "X", kind = "Department", parentId = 999_999 });

        await noCode.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
        await longName.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await noKind.AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await badKind.AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await noParent.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
    }

    [SkippableFact]
    public async Task A_duplicate_unit_code_is_a_conflict()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var code = GovernanceTestKit.Unique("DUP");
        await client.CreateUnitAsync("First", code: code);

        var response = await client.PostAsJsonAsync("/api/v1/units", new { code, name = "Second", kind = "Department" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Unknown_units_and_people_are_404()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        await (await client.GetAsync("/api/v1/units/987654")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/people/987654")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsync("/api/v1/units/987654", new { code = "X", name = "X", kind = "Office" }, "\"1\""))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_unit_update_needs_the_current_version_and_changes_nothing_otherwise()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await client.CreateUnitAsync("Original");
        var code = unit["code"]!.GetValue<string>();
        var url = $"/api/v1/units/{unit.Id()}";
        var (_, etag) = await client.GetWithETagAsync(url);

        var missing = await client.PutAsync(url, new { code, name = "Renamed", kind = "Office" }, null);
        var ok = await client.PutAsync(url, new { code, name = "Renamed", kind = "Office" }, etag);
        var stale = await client.PutAsync(url, new { code, name = "Overwritten", kind = "Park" }, etag);

        await missing.AssertProblemAsync((HttpStatusCode)428);
        var renamed = await ok.ReadAsync(HttpStatusCode.OK);
        Assert.Equal($"\"{renamed["version"]!.GetValue<int>()}\"", ok.Headers.ETag!.Tag);
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var after = await client.GetJsonAsync(url);
        Assert.Equal("Renamed", after["name"]!.GetValue<string>());
        Assert.Equal("Office", after["kind"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task People_are_added_listed_by_unit_and_changed_with_their_version()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await client.CreateUnitAsync("台江区改革办", kind: "DistrictOffice");
        var created = await (await client.PostAsJsonAsync("/api/v1/people",
                new { name = "林晓", unitId = unit.Id(), title = "联络员", email = "lin@example.org", isLiaison = true }))
            .ReadAsync(HttpStatusCode.Created);
        await client.PostAsJsonAsync("/api/v1/people", new { name = "陈明", unitId = unit.Id() });

        var page = await client.GetJsonAsync($"/api/v1/people?unitId={unit.Id()}");
        var (person, etag) = await client.GetWithETagAsync($"/api/v1/people/{created.Id()}");
        var updated = await client.PutAsync($"/api/v1/people/{created.Id()}",
            new { name = "林晓", unitId = unit.Id(), title = "副主任", isLiaison = false }, etag);
        var stale = await client.PutAsync($"/api/v1/people/{created.Id()}",
            new { name = "Someone else", unitId = unit.Id() }, etag);

        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal(["林晓", "陈明"], page["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order());
        Assert.True(person["isLiaison"]!.GetValue<bool>());
        Assert.Equal("台江区改革办", person["unitName"]!.GetValue<string>());
        Assert.Equal("副主任", (await updated.ReadAsync(HttpStatusCode.OK))["title"]!.GetValue<string>());
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutAsync($"/api/v1/people/{created.Id()}", new { name = "X", unitId = unit.Id() }, null))
            .AssertProblemAsync((HttpStatusCode)428);
    }

    [SkippableFact]
    public async Task Invalid_people_are_refused_naming_the_field()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await client.CreateUnitAsync("Unit");

        await (await client.PostAsJsonAsync("/api/v1/people", new { unitId = unit.Id() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await client.PostAsJsonAsync("/api/v1/people", new { name = "X" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "unitId");
        await (await client.PostAsJsonAsync("/api/v1/people", new { name = "X", unitId = 999_999 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "unitId");
        await (await client.PostAsJsonAsync("/api/v1/people", new { name = "X", unitId = unit.Id(), email = "nobody" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        await (await client.GetAsync("/api/v1/people?pageSize=201")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [SkippableFact]
    public async Task Rule_messages_come_in_Chinese_when_asked()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units")
        {
            Content = JsonContent.Create(new { name = "X", kind = "Department" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest, "code");

        Assert.Equal("请填写 code。", problem["errors"]!["code"]![0]!.GetValue<string>());
    }
}

public sealed class SqliteOrganisationTests(SqliteApp app) : OrganisationTests<SqliteApp>(app);

public sealed class PostgresOrganisationTests(PostgresApp app) : OrganisationTests<PostgresApp>(app);
