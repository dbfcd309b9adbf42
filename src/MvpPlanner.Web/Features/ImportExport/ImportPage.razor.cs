using Microsoft.AspNetCore.Components.Forms;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.ImportExport;
using MvpPlanner.Web.Components.Shared;

namespace MvpPlanner.Web.Features.ImportExport;

/// <summary>Brings a backlog (or personas, problems) from a CSV file into the plan: choose the file, match its columns
/// and values, check every row in a preview, then import it all as one change that can be undone.</summary>
public partial class ImportPage
{
    private ImportKind _kind = ImportKind.Features;
    private CsvAnalysis? _analysis;
    private ImportOptions? _options;
    private ImportPreview? _preview;
    private ImportSummary? _summary;
    private (string Name, byte[] Content)? _file;
    private string? _fileError;
    private string? _mappingError;
    private bool _busy;

    protected override Task LoadAsync() => Task.CompletedTask;

    // Someone else's change does not disturb a file half-way through mapping; the preview is checked again on import.
    protected override Task<bool> ApplyChangesAsync(IReadOnlyList<Core.Workshops.PlanChange> changes) => Task.FromResult(false);

    private async Task KindChanged(ImportKind kind)
    {
        _kind = kind;
        await AnalyseAsync();
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        (_file, _analysis, _options, _preview, _fileError, _mappingError) = (null, null, null, null, null, null);
        if (e.File.Size > CsvFileReader.MaxBytes)
        {
            _fileError = $"This file is larger than {CsvFileReader.MaxBytes / (1024 * 1024)} MB. Split it into smaller files and import them one after another.";
            return;
        }

        _busy = true;
        try
        {
            // Kept in memory (10 MB at most), so choosing another kind of import reads it again without a new upload.
            using var buffer = new MemoryStream();
            await using (var upload = e.File.OpenReadStream(CsvFileReader.MaxBytes))
            {
                await upload.CopyToAsync(buffer);
            }

            _file = (e.File.Name, buffer.ToArray());
        }
        catch (IOException)
        {
            _fileError = "The file could not be read completely. Choose it again.";
        }
        finally
        {
            _busy = false;
        }

        await AnalyseAsync();
    }

    private async Task AnalyseAsync()
    {
        (_analysis, _options, _preview, _mappingError) = (null, null, null, null);
        if (_file is not { } file)
        {
            return;
        }

        var result = await CsvImportService.AnalyseAsync(new MemoryStream(file.Content), file.Name, _kind);
        if (result.Succeeded)
        {
            _analysis = result.Value!;
            _options = CsvImportService.SuggestOptions(_analysis);
            _fileError = null;
        }
        else
        {
            _fileError = result.Message;
        }
    }

    private void OptionsChanged()
    {
        CsvImportService.RefreshValues(_analysis!, _options!);
        _preview = null; // a preview of other choices would be misleading
        _mappingError = null;
    }

    private async Task PreviewAsync()
    {
        _busy = true;
        try
        {
            var result = await Import.PreviewAsync(PlanId, _analysis!, _options!);
            _preview = result.Value;
            _mappingError = result.Succeeded ? null : result.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ImportAsync()
    {
        _busy = true;
        try
        {
            var result = await Import.ImportAsync(PlanId, _analysis!, _options!);
            Snackbar.Show(result);
            if (result.Succeeded)
            {
                _summary = result.Value;
            }
            else if (result.Status == ResultStatus.Invalid)
            {
                await PreviewAsync(); // the plan changed since the preview: show the rows that now fail
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void StartOver() => (_summary, _analysis, _options, _preview, _file) = (null, null, null, null, null);
}
