using System.Net;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class LedgerListTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private static readonly DateOnly YearStart = new(2026, 1, 1);
    private static readonly DateOnly YearEnd = new(2026, 12, 31);

    private readonly LedgerTestData _data = new(app);

    private async Task<Page<MeasureRow>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync("/api/v1/measures?" + query)).ReadAsync<Page<MeasureRow>>();

    private static int[] Ids(Page<MeasureRow> page) => page.Items.Select(r => r.Id).Order().ToArray();

    [SkippableFact]
    public async Task Pages_cover_every_measure_once_in_a_stable_order_with_the_total_on_each()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            // Equal due dates: the order must still be stable across pages.
            ids.Add((await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd)).Id);
        }

        var pages = new List<Page<MeasureRow>>();
        for (var number = 1; number <= 3; number++)
        {
            pages.Add(await ListAsync(client, $"unitId={unit.Id}&sort=dueOn&page={number}&pageSize=3"));
        }

        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        var seen = pages.SelectMany(p => p.Items.Select(r => r.Id)).ToList();
        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(seen, (await ListAsync(client, $"unitId={unit.Id}&sort=dueOn&pageSize=7")).Items.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task Sorting_by_due_date_descending_puts_the_latest_first()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var early = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, new DateOnly(2026, 6, 30));
        var late = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, new DateOnly(2027, 6, 30));
        var middle = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd);

        var page = await ListAsync(client, $"unitId={unit.Id}&sort=-dueOn");

        Assert.Equal([late.Id, middle.Id, early.Id], page.Items.Select(r => r.Id));
    }

    [SkippableTheory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=colour", "sort")]
    [InlineData("unitId=999999", "unitId")]
    [InlineData("objectiveId=999999", "objectiveId")]
    [InlineData("light=Purple", "light")]
    public async Task Out_of_range_query_is_400_naming_the_parameter(string query, string field)
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/measures?" + query);

        await response.AssertFieldErrorAsync(field);
    }

    [SkippableFact]
    public async Task Unit_filter_takes_the_unit_and_everything_under_it()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var objective = await _data.AddObjectiveAsync();
        var district = await _data.AddUnitAsync("鼓楼区");
        var bureau = await _data.AddUnitAsync("鼓楼区发改局", district);
        var section = await _data.AddUnitAsync("鼓楼区发改局改革科", bureau);
        var otherDistrict = await _data.AddUnitAsync("台江区");
        var inDistrict = await _data.AddMeasureAsync(district.Id, objective.Id, YearStart, YearEnd);
        var inBureau = await _data.AddMeasureAsync(bureau.Id, objective.Id, YearStart, YearEnd);
        var inSection = await _data.AddMeasureAsync(section.Id, objective.Id, YearStart, YearEnd);
        await _data.AddMeasureAsync(otherDistrict.Id, objective.Id, YearStart, YearEnd);

        var underBureau = await ListAsync(client, $"unitId={bureau.Id}");
        var underDistrict = await ListAsync(client, $"unitId={district.Id}");

        Assert.Equal(new[] { inBureau.Id, inSection.Id }.Order(), Ids(underBureau));
        Assert.Equal(new[] { inDistrict.Id, inBureau.Id, inSection.Id }.Order(), Ids(underDistrict));
        Assert.Equal(3, underDistrict.Total);
    }

    [SkippableFact]
    public async Task Objective_filter_takes_the_objective_and_everything_under_it()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await _data.AddUnitAsync();
        var aspect = await _data.AddObjectiveAsync();
        var keyTask = await _data.AddObjectiveAsync(aspect);
        var subTask = await _data.AddObjectiveAsync(keyTask);
        var otherAspect = await _data.AddObjectiveAsync();
        await _data.AddMeasureAsync(unit.Id, aspect.Id, YearStart, YearEnd);
        var onKeyTask = await _data.AddMeasureAsync(unit.Id, keyTask.Id, YearStart, YearEnd);
        var onSubTask = await _data.AddMeasureAsync(unit.Id, subTask.Id, YearStart, YearEnd);
        await _data.AddMeasureAsync(unit.Id, otherAspect.Id, YearStart, YearEnd);

        var page = await ListAsync(client, $"objectiveId={keyTask.Id}");

        Assert.Equal(new[] { onKeyTask.Id, onSubTask.Id }.Order(), Ids(page));
    }

    /// <summary>Five measures whose light on 2026-11-28 is known (thresholds: yellow 10, red 30 points behind).</summary>
    private async Task<(int Unit, Measure Green, Measure Yellow, Measure Behind, Measure Overdue, Measure Draft)> LightsAsync()
    {
        var (unit, objective) = await _data.AddScopeAsync();
        // 331 of 364 days gone: expected 90%.
        var green = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd, progress: 95);
        var yellow = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd, progress: 70);
        var behind = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd, progress: 20);
        var overdue = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, new DateOnly(2026, 11, 1), progress: 99);
        var draft = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, new DateOnly(2026, 11, 1), draft: true);
        return (unit.Id, green, yellow, behind, overdue, draft);
    }

    [SkippableFact]
    public async Task Light_filter_finds_the_measures_of_each_light()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var s = await LightsAsync();

        var red = await ListAsync(client, $"unitId={s.Unit}&light=Red");
        var yellow = await ListAsync(client, $"unitId={s.Unit}&light=Yellow");
        var green = await ListAsync(client, $"unitId={s.Unit}&light=Green");
        var none = await ListAsync(client, $"unitId={s.Unit}&light=None");
        var redOrYellow = await ListAsync(client, $"unitId={s.Unit}&light=Red&light=Yellow");

        Assert.Equal(new[] { s.Behind.Id, s.Overdue.Id }.Order(), Ids(red));
        Assert.All(red.Items, r => Assert.Equal(Light.Red, r.Light));
        Assert.Equal(s.Yellow.Id, Assert.Single(yellow.Items).Id);
        Assert.Equal(Light.Yellow, yellow.Items[0].Light);
        Assert.Equal(s.Green.Id, Assert.Single(green.Items).Id);
        Assert.Equal(Light.Green, green.Items[0].Light);
        Assert.Equal(s.Draft.Id, Assert.Single(none.Items).Id);
        Assert.Equal(3, redOrYellow.Total);
    }

    [SkippableFact]
    public async Task Overdue_filter_splits_active_measures_past_their_due_date_from_the_rest()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var s = await LightsAsync();

        var overdue = await ListAsync(client, $"unitId={s.Unit}&overdue=true");
        var notOverdue = await ListAsync(client, $"unitId={s.Unit}&overdue=false");

        var row = Assert.Single(overdue.Items);
        Assert.Equal(s.Overdue.Id, row.Id);
        Assert.True(row.Overdue);
        Assert.Equal(new[] { s.Green.Id, s.Yellow.Id, s.Behind.Id, s.Draft.Id }.Order(), Ids(notOverdue));
    }

    [SkippableFact]
    public async Task Due_window_and_status_filters_narrow_together()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var s = await LightsAsync();

        var november = await ListAsync(client, $"unitId={s.Unit}&dueFrom=2026-11-01&dueTo=2026-11-30");
        var fromDecember = await ListAsync(client, $"unitId={s.Unit}&dueFrom=2026-12-01");
        var draftsInNovember = await ListAsync(client, $"unitId={s.Unit}&dueTo=2026-11-30&status=Draft");
        var activeOrDraft = await ListAsync(client, $"unitId={s.Unit}&status=Active&status=Draft");

        Assert.Equal(new[] { s.Overdue.Id, s.Draft.Id }.Order(), Ids(november));
        Assert.Equal(new[] { s.Green.Id, s.Yellow.Id, s.Behind.Id }.Order(), Ids(fromDecember));
        Assert.Equal(s.Draft.Id, Assert.Single(draftsInNovember.Items).Id);
        Assert.Equal(5, activeOrDraft.Total);
    }

    [SkippableFact]
    public async Task Chinese_free_text_finds_a_measure_by_part_of_its_title()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var business = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd, title: "深化营商环境综合改革");
        await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd, title: "推进数字政府建设");

        var found = await ListAsync(client, $"unitId={unit.Id}&q={Uri.EscapeDataString("营商")}");
        var byCode = await ListAsync(client, $"q={Uri.EscapeDataString(business.Code)}");

        var row = Assert.Single(found.Items);
        Assert.Equal("深化营商环境综合改革", row.Title);
        Assert.Equal(business.Id, Assert.Single(byCode.Items).Id);
    }

    [SkippableFact]
    public async Task Document_filter_lists_the_measures_carrying_out_that_document()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var (unit, objective) = await _data.AddScopeAsync();
        var document = await _data.AddDocumentAsync();
        var cited = await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd, documentId: document.Id);
        await _data.AddMeasureAsync(unit.Id, objective.Id, YearStart, YearEnd);

        var page = await ListAsync(client, $"documentId={document.Id}");

        Assert.Equal(cited.Id, Assert.Single(page.Items).Id);
    }

    [SkippableFact]
    public async Task Enums_travel_as_names_in_the_list()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var s = await LightsAsync();

        var body = await client.GetStringAsync($"/api/v1/measures?unitId={s.Unit}&light=Yellow");

        Assert.Contains("\"light\":\"Yellow\"", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Active\"", body, StringComparison.Ordinal);
    }
}

public sealed class SqliteLedgerListTests(SqliteApp app) : LedgerListTests<SqliteApp>(app);

public sealed class PostgresLedgerListTests(PostgresApp app) : LedgerListTests<PostgresApp>(app);
