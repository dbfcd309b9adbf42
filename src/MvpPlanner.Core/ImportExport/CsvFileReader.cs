using System.Globalization;
using System.Text;
using CsvHelper;
using MvpPlanner.Core.Common;

namespace MvpPlanner.Core.ImportExport;

/// <summary>Reads an uploaded CSV file into rows of text with CsvHelper: comma, semicolon or tab separated (detected),
/// with or without a byte order mark, quoted fields with line breaks. Anything it cannot read comes back as a message
/// for the user, never as an exception.</summary>
public static class CsvFileReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxRows = 20_000;

    public static async Task<ServiceResult<CsvAnalysis>> AnalyseAsync(Stream file, string fileName, ImportKind kind, CancellationToken ct = default)
    {
        var bytes = await ReadLimitedAsync(file, ct);
        if (bytes is null)
        {
            return Refuse($"This file is larger than {MaxBytes / (1024 * 1024)} MB. Split it into smaller files and import them one after another.");
        }

        if (bytes.Length == 0)
        {
            return Refuse("This file is empty. Choose a CSV file whose first row names the columns.");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return Refuse("This does not look like a CSV file (it contains binary data). Save the spreadsheet as CSV and try again.");
        }

        var text = Decode(bytes);
        try
        {
            return Read(text, fileName, kind);
        }
        catch (CsvFormatException e)
        {
            var row = e.RecordNumber > 0 ? $" near row {e.RecordNumber.ToString(CultureInfo.InvariantCulture)}" : "";
            return Refuse($"This file could not be read as CSV{row}: a quote is not closed or a field has text after its closing quote. Open it in a spreadsheet, save it as CSV again and retry.");
        }
    }

    private static ServiceResult<CsvAnalysis> Read(string text, string fileName, ImportKind kind)
    {
        var options = CsvReaderOptions.Default with
        {
            MalformedData = CsvMalformedDataHandling.Throw,
            FormatProvider = CultureInfo.InvariantCulture,
            TrackLineNumbers = true,
        };
        using var reader = CsvReader.FromText(text, options);
        var headers = reader.Headers.Select(h => h.Trim()).ToArray();
        if (headers.Length == 0 || headers.All(h => h.Length == 0))
        {
            return Refuse("The first row of this file is empty. It must name the columns, such as Title, Status, Priority.");
        }

        var rows = new List<string[]>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? "";
            }

            if (cells.All(c => c.Trim().Length == 0))
            {
                continue; // a spreadsheet's trailing blank rows
            }

            if (rows.Count == MaxRows)
            {
                return Refuse($"This file has more than {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows. Split it into smaller files and import them one after another.");
            }

            rows.Add(cells);
        }

        if (rows.Count == 0)
        {
            return Refuse("This file has column names but no rows to import.");
        }

        return ServiceResult<CsvAnalysis>.Ok(new CsvAnalysis
        {
            Kind = kind,
            FileName = fileName,
            Separator = reader.Separator,
            Headers = headers,
            Rows = rows,
            SuggestedMapping = ImportFields.Suggest(kind, headers),
            RecognisedAs = ImportFields.Recognise(headers),
        });
    }

    /// <summary>UTF-8 (with or without its byte order mark) as every tool we know writes it; a file that is not valid
    /// UTF-8 is most likely an older Excel's Windows "ANSI" export, read as Latin-1 so its accents survive.</summary>
    private static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ServiceResult<CsvAnalysis> Refuse(string message) => Fail.Invalid("file", message);
}
