<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Employee Records</source>
        <translation>Über Employee Records</translation>
    </message>
    <message>
        <source>Employee Records</source>
        <translation>Employee Records</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Keep employee records: employees, their profiles and their teams, in an SQLite file or on a PostgreSQL server.</source>
        <translation>Mitarbeiterdaten verwalten: Mitarbeiter, ihre Profile und ihre Teams, in einer SQLite-Datei oder auf einem PostgreSQL-Server.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <source>Some employees have no profile and creating them failed: %1</source>
        <translation>Einige Mitarbeiter haben kein Profil, und es konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveController</name>
    <message>
        <source>Archived Employees</source>
        <translation>Archivierte Mitarbeiter</translation>
    </message>
    <message>
        <source>Show &amp;Archived</source>
        <translation>&amp;Archivierte anzeigen</translation>
    </message>
    <message>
        <source>List the employees who left, to restore one</source>
        <translation>Die ausgetretenen Mitarbeiter auflisten, um einen wiederherzustellen</translation>
    </message>
    <message>
        <source>Archive Employee</source>
        <translation>Mitarbeiter archivieren</translation>
    </message>
    <message>
        <source>%1 could not be archived: %2</source>
        <translation>%1 konnte nicht archiviert werden: %2</translation>
    </message>
    <message>
        <source>Archived %1 (View &gt; Show Archived lists them).</source>
        <translation>%1 archiviert (Ansicht &gt; Archivierte anzeigen listet sie).</translation>
    </message>
    <message>
        <source>Restore Employee</source>
        <translation>Mitarbeiter wiederherstellen</translation>
    </message>
    <message>
        <source>The employee could not be restored: %1</source>
        <translation>Der Mitarbeiter konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Delete %1 permanently?</source>
        <translation>%1 endgültig löschen?</translation>
    </message>
    <message>
        <source>Their employee record and profile (date of birth, team, address, gender, bio and photo) are erased and cannot be restored. The history keeps that someone was deleted, without their data.</source>
        <translation>Der Mitarbeiterdatensatz und das Profil (Geburtsdatum, Team, Adresse, Geschlecht, Biografie und Foto) werden gelöscht und können nicht wiederhergestellt werden. Der Verlauf behält, dass jemand gelöscht wurde, ohne seine Daten.</translation>
    </message>
    <message>
        <source>&amp;Delete Permanently</source>
        <translation>&amp;Endgültig löschen</translation>
    </message>
    <message>
        <source>Deleted %1 permanently.</source>
        <translation>%1 endgültig gelöscht.</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archive Employee</source>
        <translation>Mitarbeiter archivieren</translation>
    </message>
    <message>
        <source>%1 left: they are hidden from the views and kept, with their profile and history, in View &gt; Show Archived, from where they can be restored.</source>
        <translation>%1 ist ausgetreten: Der Mitarbeiter wird in den Ansichten ausgeblendet und mit Profil und Verlauf unter Ansicht &gt; Archivierte anzeigen aufbewahrt, von wo er wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Left on:</source>
        <translation>Ausgetreten a&amp;m:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ArchiveStep</name>
    <message>
        <source>Archiving %1</source>
        <translation>Archivieren von %1</translation>
    </message>
    <message>
        <source>Restoring %1</source>
        <translation>Wiederherstellen von %1</translation>
    </message>
    <message>
        <source>%1 is no longer among the current employees; nothing was changed.</source>
        <translation>%1 gehört nicht mehr zu den aktuellen Mitarbeitern; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Nichts wurde geändert; der Schritt steht weiter unter Bearbeiten &gt; Rückgängig bzw. Wiederholen.</translation>
    </message>
    <message>
        <source>%1 changed again just now; nothing was changed. Try again.</source>
        <translation>%1 wurde soeben erneut geändert; nichts wurde geändert. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Archived %1.</source>
        <translation>%1 archiviert.</translation>
    </message>
    <message>
        <source>%1 could not be restored: %2</source>
        <translation>%1 konnte nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>ArchivedPanel</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Delete &amp;Permanently…</source>
        <translation>&amp;Endgültig löschen…</translation>
    </message>
    <message>
        <source>Archived employees</source>
        <translation>Archivierte Mitarbeiter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Ausgetreten am</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Bring the selected employee back, with their profile and history</source>
        <translation>Den ausgewählten Mitarbeiter mit Profil und Verlauf zurückholen</translation>
    </message>
    <message>
        <source>Erase the selected employee and their profile for good</source>
        <translation>Den ausgewählten Mitarbeiter und sein Profil endgültig löschen</translation>
    </message>
    <message>
        <source>Your database role may only read employees.</source>
        <translation>Ihre Datenbankrolle darf Mitarbeiter nur lesen.</translation>
    </message>
    <message>
        <source>Only an administrator may delete employees permanently.</source>
        <translation>Nur ein Administrator darf Mitarbeiter endgültig löschen.</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>The change could not be recorded in the history: %1</source>
        <translation>Die Änderung konnte nicht in den Verlauf eingetragen werden: %1</translation>
    </message>
</context>
<context>
    <name>ColumnMappingTable</name>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Erste Zeile</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Keep employee records: employees, their profiles and teams.
Without an action option the application window opens.</source>
        <translation>Mitarbeiterdaten verwalten: Mitarbeiter, ihre Profile und Teams.
Ohne eine Aktionsoption öffnet sich das Anwendungsfenster.</translation>
    </message>
    <message>
        <source>Use the SQLite database file &lt;path&gt; (default: %1).</source>
        <translation>Die SQLite-Datenbankdatei &lt;Pfad&gt; verwenden (Standard: %1).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Import employees from the CSV file &lt;file&gt; and exit.</source>
        <translation>Mitarbeiter aus der CSV-Datei &lt;Datei&gt; importieren und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity, list any problems and exit.</source>
        <translation>Die Integrität der Datenbank prüfen, gefundene Probleme auflisten und beenden.</translation>
    </message>
    <message>
        <source>Read phone numbers without a country code as numbers of &lt;region&gt; (ISO code such as DE; default: from the system locale).</source>
        <translation>Telefonnummern ohne Ländervorwahl als Nummern der &lt;Region&gt; lesen (ISO-Code wie DE; Standard: aus dem Gebietsschema des Systems).</translation>
    </message>
    <message>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;; see --help.</source>
        <translation>Unerwartetes Argument „%1“; siehe --help.</translation>
    </message>
    <message>
        <source>PostgreSQL: create the reader, editor and admin roles and grant them (run as the tables&apos; owner), then exit.</source>
        <translation>PostgreSQL: die Rollen für Lesen, Bearbeiten und Verwalten anlegen und berechtigen (als Eigentümer der Tabellen ausführen), dann beenden.</translation>
    </message>
    <message>
        <source>Use a PostgreSQL server: postgresql://user@host:port/dbname (libpq reads the password from ~/.pgpass).</source>
        <translation>Einen PostgreSQL-Server verwenden: postgresql://benutzer@host:port/datenbank (libpq liest das Passwort aus ~/.pgpass).</translation>
    </message>
    <message>
        <source>Warning: a password in --database-url can be read by other users of this computer while the program starts. Leave it out and put it in ~/.pgpass (or a pg_service.conf service), where libpq finds it.</source>
        <translation>Warnung: Ein Passwort in --database-url können andere Benutzer dieses Computers lesen, während das Programm startet. Lassen Sie es weg und tragen Sie es in ~/.pgpass (oder einen Dienst in pg_service.conf) ein, wo libpq es findet.</translation>
    </message>
    <message>
        <source>Use the PostgreSQL server that the service &lt;name&gt; of pg_service.conf describes (PGSERVICEFILE, ~/.pg_service.conf), as psql service=&lt;name&gt;.</source>
        <translation>Den PostgreSQL-Server verwenden, den der Dienst &lt;Name&gt; in pg_service.conf beschreibt (PGSERVICEFILE, ~/.pg_service.conf), wie psql service=&lt;Name&gt;.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Give one of --database, --database-url and --database-service, not several.</source>
        <translation>Geben Sie eine der Optionen --database, --database-url und --database-service an, nicht mehrere.</translation>
    </message>
    <message>
        <source>Print the history of the employee with &lt;email&gt;, newest first, and exit.</source>
        <translation>Den Verlauf des Mitarbeiters mit der E-Mail-Adresse &lt;email&gt; ausgeben, neueste Änderung zuerst, und beenden.</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>Erase the personal data of archived employees who left before &lt;date&gt; (YYYY-MM-DD), their history included, and exit.</source>
        <translation>Die personenbezogenen Daten archivierter Mitarbeiter, die vor &lt;date&gt; (JJJJ-MM-TT) ausgetreten sind, samt Verlauf löschen und beenden.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>--purge-archived-before needs a date as YYYY-MM-DD, not &apos;%1&apos;.</source>
        <translation>--purge-archived-before braucht ein Datum als YYYY-MM-DD, nicht »%1«.</translation>
    </message>
    <message>
        <source>Export everything stored about the employee (current or archived) with &lt;email&gt;, history included, to FILE, given after the email: a JSON file (.json) or a readable PDF (.pdf); the export is recorded in the history. Then exit.</source>
        <translation>Alles exportieren, was über den Mitarbeiter (aktuell oder archiviert) mit &lt;email&gt; gespeichert ist, einschließlich des Verlaufs, in FILE (nach der E-Mail angegeben): eine JSON-Datei (.json) oder ein lesbares PDF (.pdf); der Export wird im Verlauf festgehalten. Danach beenden.</translation>
    </message>
    <message>
        <source>With --export-person: the file to write.</source>
        <translation>Mit --export-person: die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>--export-person needs the email and the file: --export-person EMAIL FILE.json or FILE.pdf.</source>
        <translation>--export-person braucht die E-Mail-Adresse und die Datei: --export-person EMAIL FILE.json oder FILE.pdf.</translation>
    </message>
    <message>
        <source>--export-person writes a .json or a .pdf file, not &apos;%1&apos;.</source>
        <translation>--export-person schreibt eine .json- oder .pdf-Datei, nicht „%1“.</translation>
    </message>
    <message>
        <source>--export-person needs an email address.</source>
        <translation>--export-person braucht eine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>With --import: read the file in &lt;name&gt; (%1) instead of finding out from the file.</source>
        <translation>Mit --import: die Datei in der Kodierung &lt;name&gt; (%1) lesen, statt sie aus der Datei zu ermitteln.</translation>
    </message>
    <message>
        <source>With --import: the fields are separated by &lt;c&gt; (a character, or &apos;tab&apos;) instead of the one found in the file.</source>
        <translation>Mit --import: die Felder sind durch &lt;c&gt; getrennt (ein Zeichen oder „tab“), statt durch das in der Datei gefundene.</translation>
    </message>
    <message>
        <source>c</source>
        <translation>z</translation>
    </message>
    <message>
        <source>With --import: read the column &lt;header&gt; as the field &lt;field&gt; (%1); may be given several times.</source>
        <translation>Mit --import: die Spalte &lt;header&gt; als Feld &lt;field&gt; lesen (%1); mehrfach möglich.</translation>
    </message>
    <message>
        <source>header=field</source>
        <translation>kopf=feld</translation>
    </message>
    <message>
        <source>With --import: read dates such as 03/04/1980 in &lt;order&gt;: DMY (day first), MDY (month first) or YMD.</source>
        <translation>Mit --import: Daten wie 03/04/1980 in der Reihenfolge &lt;order&gt; lesen: DMY (Tag zuerst), MDY (Monat zuerst) oder YMD.</translation>
    </message>
    <message>
        <source>order</source>
        <translation>reihenfolge</translation>
    </message>
    <message>
        <source>--encoding: &apos;%1&apos; is not an encoding the import reads; use one of %2.</source>
        <translation>--encoding: „%1“ ist keine Kodierung, die der Import liest; verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>--delimiter needs one character such as ; or | (or &apos;tab&apos;), not &apos;%1&apos;.</source>
        <translation>--delimiter braucht ein Zeichen wie ; oder | (oder „tab“), nicht „%1“.</translation>
    </message>
    <message>
        <source>--map needs &quot;Header=field&quot; with one of the fields %1, not &apos;%2&apos;.</source>
        <translation>--map braucht &quot;Kopf=Feld&quot; mit einem der Felder %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>--date-order needs DMY, MDY or YMD, not &apos;%1&apos;.</source>
        <translation>--date-order braucht DMY, MDY oder YMD, nicht „%1“.</translation>
    </message>
    <message>
        <source>With --purge-archived-before: list who would be erased, change nothing. With --import: import the whole file, then roll it back and say what would be added, updated, skipped and refused.</source>
        <translation>Mit --purge-archived-before: auflisten, wer gelöscht würde, nichts ändern. Mit --import: die ganze Datei importieren, dann zurücknehmen und sagen, was hinzugefügt, aktualisiert, übersprungen und abgelehnt würde.</translation>
    </message>
    <message>
        <source>With --import: what to do with a row whose email an employee already has: reject it (the default), skip it, or update that employee with the file&apos;s columns.</source>
        <translation>Mit --import: was mit einer Zeile geschieht, deren E-Mail-Adresse schon ein Mitarbeiter hat: ablehnen (Standard), überspringen oder diesen Mitarbeiter mit den Spalten der Datei aktualisieren.</translation>
    </message>
    <message>
        <source>reject|skip|update</source>
        <translation>reject|skip|update</translation>
    </message>
    <message>
        <source>With --import: write the refused rows to the CSV file &lt;file&gt;, with a reason column, to fix and import again.</source>
        <translation>Mit --import: die abgelehnten Zeilen mit einer Spalte reason (Grund) in die CSV-Datei &lt;file&gt; schreiben, um sie zu korrigieren und erneut zu importieren.</translation>
    </message>
    <message>
        <source>--dry-run goes with --import or --purge-archived-before.</source>
        <translation>--dry-run gehört zu --import oder --purge-archived-before.</translation>
    </message>
    <message>
        <source>--existing needs reject, skip or update, not &apos;%1&apos;.</source>
        <translation>--existing braucht reject, skip oder update, nicht „%1“.</translation>
    </message>
    <message>
        <source>Export all employees to &lt;file&gt; and exit: an Excel workbook if it ends in .xlsx, else CSV (see --export-format).</source>
        <translation>Alle Mitarbeiter nach &lt;Datei&gt; exportieren und beenden: eine Excel-Arbeitsmappe, wenn die Datei auf .xlsx endet, sonst CSV (siehe --export-format).</translation>
    </message>
    <message>
        <source>With --export: write &lt;format&gt;: csv (RFC 4180, UTF-8; the default), excel-csv (UTF-8 with a BOM, separated by &apos;;&apos; where the locale writes decimals with a comma) or xlsx (an Excel workbook).</source>
        <translation>Mit --export: als &lt;Format&gt; schreiben: csv (RFC 4180, UTF-8; die Voreinstellung), excel-csv (UTF-8 mit BOM, durch &apos;;&apos; getrennt, wo das Gebietsschema Dezimalzahlen mit Komma schreibt) oder xlsx (eine Excel-Arbeitsmappe).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>--export-format goes with --export.</source>
        <translation>--export-format gehört zu --export.</translation>
    </message>
    <message>
        <source>--export-format needs %1, not &apos;%2&apos;.</source>
        <translation>--export-format braucht %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>With --import: create a team that a row names and that does not exist yet (in any case), instead of refusing the row; created only if the import is saved.</source>
        <translation>Mit --import: ein Team, das eine Zeile nennt und das es (in keiner Schreibweise) noch nicht gibt, anlegen, statt die Zeile abzulehnen; es wird nur angelegt, wenn der Import gespeichert wird.</translation>
    </message>
    <message>
        <source>--encoding, --delimiter, --map, --date-order, --existing, --rejected-rows and --create-teams go with --import.</source>
        <translation>--encoding, --delimiter, --map, --date-order, --existing, --rejected-rows und --create-teams gehören zu --import.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by Someone Else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>%1 was saved by someone else since you opened the form, without changing any field you see. Keep your changes to save them on top of that version.</source>
        <translation>%1 wurde von jemand anderem gespeichert, seit Sie das Formular geöffnet haben, ohne dass sich ein sichtbares Feld geändert hat. Behalten Sie Ihre Änderungen, um sie auf diese Version zu speichern.</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since you opened the form. Their changes are listed below. Keep your changes to save them on top of their version, or take theirs.</source>
        <translation>%1 wurde von jemand anderem geändert, seit Sie das Formular geöffnet haben. Die Änderungen sind unten aufgeführt. Behalten Sie Ihre Änderungen, um sie auf diese Version zu speichern, oder übernehmen Sie die anderen.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>Deren Wert</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Ihr Wert</translation>
    </message>
    <message>
        <source>Use their %1</source>
        <translation>Deren %1 verwenden</translation>
    </message>
    <message>
        <source>Use your %1</source>
        <translation>Ihr %1 verwenden</translation>
    </message>
    <message>
        <source>(unchanged) %1</source>
        <translation>(unverändert) %1</translation>
    </message>
    <message>
        <source>&amp;Keep My Changes</source>
        <translation>Meine Änderungen &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>Deren Version ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>&amp;Back to the Form</source>
        <translation>&amp;Zurück zum Formular</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>hr</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>from ~/.pgpass when empty</source>
        <translation>aus ~/.pgpass, wenn leer</translation>
    </message>
    <message>
        <source>Prefer encryption (use TLS when the server offers it)</source>
        <translation>Verschlüsselung bevorzugen (TLS, wenn der Server es anbietet)</translation>
    </message>
    <message>
        <source>Require encryption</source>
        <translation>Verschlüsselung verlangen</translation>
    </message>
    <message>
        <source>Require encryption and verify the server (CA certificate)</source>
        <translation>Verschlüsselung verlangen und den Server prüfen (CA-Zertifikat)</translation>
    </message>
    <message>
        <source>No encryption</source>
        <translation>Keine Verschlüsselung</translation>
    </message>
    <message>
        <source>the CA certificate that signed the server&apos;s (PEM)</source>
        <translation>das CA-Zertifikat, das das des Servers signiert hat (PEM)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Remember password in the desktop&apos;s secret service</source>
        <translation>Passwort im Schlüsselbund des Desktops &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Verschlüsselung:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Verbi&amp;nden</translation>
    </message>
    <message>
        <source>Kept by the secret service of your desktop session, never in a file of Employee Records</source>
        <translation>Vom Schlüsselbund Ihrer Desktop-Sitzung aufbewahrt, nie in einer Datei von Employee Records</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Servers ein.</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>Geben Sie den Namen der Datenbank auf dem Server ein.</translation>
    </message>
    <message>
        <source>Enter your user name on the server.</source>
        <translation>Geben Sie Ihren Benutzernamen auf dem Server ein.</translation>
    </message>
    <message>
        <source>The CA certificate&apos;s path must not contain spaces, quotes or &apos;;&apos;.</source>
        <translation>Der Pfad des CA-Zertifikats darf keine Leerzeichen, Anführungszeichen oder „;“ enthalten.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>No secret service answers: nothing is remembered.</source>
        <translation>Kein Schlüsselbund antwortet: Es wird nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>ConnectionLossMonitor</name>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>CreationStep</name>
    <message>
        <source>Adding %1</source>
        <translation>Hinzufügen von %1</translation>
    </message>
    <message>
        <source>%1 is no longer among the current employees (archived or deleted since); nothing was changed.</source>
        <translation>%1 gehört nicht mehr zu den aktuellen Mitarbeitern (inzwischen archiviert oder gelöscht); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Nichts wurde geändert; der Schritt steht weiter unter Bearbeiten &gt; Rückgängig bzw. Wiederholen.</translation>
    </message>
    <message>
        <source>%1 changed again just now; nothing was changed. Try again.</source>
        <translation>%1 wurde soeben erneut geändert; nichts wurde geändert. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Removed %1 again.</source>
        <translation>%1 wieder entfernt.</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot save &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>CsvImporter</name>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot start the import: %1</source>
        <translation>der Import kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>the import could not be saved: %1</source>
        <translation>der Import konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>the file is empty; the first line must name the columns (%1)</source>
        <translation>die Datei ist leer; die erste Zeile muss die Spalten benennen (%1)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>expected %1 fields as in the header, found %2</source>
        <translation>%1 Felder wie in der Kopfzeile erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>unknown team &apos;%1&apos;</source>
        <translation>unbekanntes Team „%1“</translation>
    </message>
    <message>
        <source>an archived employee could not be archived again: %1</source>
        <translation>ein archivierter Mitarbeiter konnte nicht wieder archiviert werden: %1</translation>
    </message>
    <message>
        <source>A leaving reason needs the leaving date (left_on)</source>
        <translation>Ein Austrittsgrund braucht das Austrittsdatum (left_on)</translation>
    </message>
    <message>
        <source>the file is not UTF-8; read as %1 (detected; name another with --encoding)</source>
        <translation>die Datei ist nicht UTF-8; gelesen als %1 (erkannt; eine andere mit --encoding angeben)</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not imported: no field has that meaning (name one with --map &quot;%1=field&quot;)</source>
        <translation>Spalte „%1“ wird nicht importiert: kein Feld hat diese Bedeutung (mit --map &quot;%1=Feld&quot; eines angeben)</translation>
    </message>
    <message>
        <source>unknown gender &apos;%1&apos;; use female, male, other (or F, M, D) or leave it empty</source>
        <translation>unbekanntes Geschlecht „%1“; verwenden Sie female, male, other (oder F, M, D) oder lassen Sie es leer</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; would be created (--create-teams)</source>
        <translation>Team „%1“ würde angelegt (--create-teams)</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; created (--create-teams)</source>
        <translation>Team „%1“ angelegt (--create-teams)</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>a quote (&quot;) inside a field that does not start with a quote; enclose the whole field in quotes and double the quotes inside it</source>
        <translation>ein Anführungszeichen (&quot;) in einem Feld, das nicht mit einem Anführungszeichen beginnt; setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie die Anführungszeichen darin</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>Text nach dem schließenden Anführungszeichen eines Felds</translation>
    </message>
    <message>
        <source>a quoted field starting here is never closed</source>
        <translation>ein hier beginnendes Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>byte 0x%1 is not a character in %2</source>
        <translation>Byte 0x%1 ist kein Zeichen in %2</translation>
    </message>
    <message>
        <source>the file is not valid UTF-8 text here</source>
        <translation>die Datei ist hier kein gültiger UTF-8-Text</translation>
    </message>
    <message>
        <source>the bytes here are not text in %1</source>
        <translation>die Bytes hier sind kein Text in %1</translation>
    </message>
    <message>
        <source>line %1, column %2: %3; save the file as UTF-8, or name its encoding with --encoding</source>
        <translation>Zeile %1, Spalte %2: %3; speichern Sie die Datei als UTF-8 oder geben Sie ihre Kodierung mit --encoding an</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database %1 is locked by another program. Close that program and try again.</source>
        <translation>Die Datenbank %1 ist von einem anderen Programm gesperrt. Schließen Sie dieses Programm und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database %1 is read-only. Check the file&apos;s permissions.</source>
        <translation>Die Datenbank %1 ist schreibgeschützt. Prüfen Sie die Zugriffsrechte der Datei.</translation>
    </message>
    <message>
        <source>The file %1 is not an Employee Records database or is damaged. It was not modified.</source>
        <translation>Die Datei %1 ist keine Employee-Records-Datenbank oder ist beschädigt. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot use the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>The database %1 cannot be read. Check the file&apos;s permissions.</source>
        <translation>Die Datenbank %1 kann nicht gelesen werden. Prüfen Sie die Zugriffsrechte der Datei.</translation>
    </message>
    <message>
        <source>The database %1 is read-only. Check the permissions of the file and its folder.</source>
        <translation>Die Datenbank %1 ist schreibgeschützt. Prüfen Sie die Zugriffsrechte der Datei und ihres Ordners.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>The Qt SQL driver for %1 is not installed.</source>
        <translation>Der Qt-SQL-Treiber für %1 ist nicht installiert.</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>There is no such database: %1. Nothing was created.</source>
        <translation>Diese Datenbank gibt es nicht: %1. Es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not signed by the CA certificate given (sslrootcert): check that the file is your server&apos;s CA, or ask its administrator for it.</source>
        <translation>Das Zertifikat des Servers ist nicht vom angegebenen CA-Zertifikat (sslrootcert) signiert: Prüfen Sie, ob die Datei die CA Ihres Servers ist, oder fragen Sie dessen Administrator danach.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was made for another host name: connect with the name the certificate names.</source>
        <translation>Das Zertifikat des Servers wurde für einen anderen Hostnamen ausgestellt: Verbinden Sie sich mit dem Namen, den das Zertifikat nennt.</translation>
    </message>
    <message>
        <source>Check the user name and the password.</source>
        <translation>Prüfen Sie Benutzernamen und Passwort.</translation>
    </message>
    <message>
        <source>The server asks for a password: enter it, or put it in ~/.pgpass.</source>
        <translation>Der Server verlangt ein Passwort: Geben Sie es ein oder tragen Sie es in ~/.pgpass ein.</translation>
    </message>
    <message>
        <source>The server does not offer encryption; choose another TLS mode only if your network is trusted.</source>
        <translation>Der Server bietet keine Verschlüsselung an; wählen Sie einen anderen TLS-Modus nur, wenn Ihr Netzwerk vertrauenswürdig ist.</translation>
    </message>
    <message>
        <source>Choose the CA certificate of your server (sslrootcert), or ask its administrator for it.</source>
        <translation>Wählen Sie das CA-Zertifikat Ihres Servers (sslrootcert), oder fragen Sie dessen Administrator danach.</translation>
    </message>
</context>
<context>
    <name>DatabaseFileChooser</name>
    <message>
        <source>Employee Records databases (*.sqlite *.sqlite3 *.db)</source>
        <translation>Employee-Records-Datenbanken (*.sqlite *.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>“%1” is the database that is open now; choose another name.</source>
        <translation>„%1“ ist die gerade geöffnete Datenbank; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>“%1” cannot be replaced.</source>
        <translation>„%1“ kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
</context>
<context>
    <name>DatabaseHistoryPanel</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Person: name or email</source>
        <translation>Person: Name oder E-Mail</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Changes of the employees whose name, email or phone starts with these words</source>
        <translation>Änderungen der Mitarbeiter, deren Name, E-Mail oder Telefon mit diesen Wörtern beginnt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Changes made by the user or database role whose name starts with this</source>
        <translation>Änderungen des Benutzers oder der Datenbankrolle, deren Name so beginnt</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Von-Datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis-Datum</translation>
    </message>
    <message>
        <source>History of all employees</source>
        <translation>Verlauf aller Mitarbeiter</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n change(s)</source>
        <translation>
            <numerusform>mindestens %n Änderung</numerusform>
            <numerusform>mindestens %n Änderungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>&apos;%1&apos; is not a PostgreSQL URL; expected postgresql://user:password@host:port/dbname</source>
        <translation>„%1“ ist keine PostgreSQL-URL; erwartet wird postgresql://benutzer:passwort@host:port/dbname</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection parameter Employee Records passes on (it takes %2).</source>
        <translation>„%1“ ist kein Verbindungsparameter, den Employee Records weitergibt (möglich sind %2).</translation>
    </message>
    <message>
        <source>The value of &apos;%1&apos; must be one word without spaces, quotes or &apos;;&apos;.</source>
        <translation>Der Wert von „%1“ muss ein Wort ohne Leerzeichen, Anführungszeichen oder „;“ sein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a service name (letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; only).</source>
        <translation>„%1“ ist kein Dienstname (nur Buchstaben, Ziffern, „_“, „.“ und „-“).</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
</context>
<context>
    <name>DatabaseStatusLabel</name>
    <message>
        <source>Database: %1 (read-only for your role)</source>
        <translation>Datenbank: %1 (für Ihre Rolle nur lesbar)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Database %1 on PostgreSQL %2, as user %3, %4</source>
        <translation>Datenbank %1 auf PostgreSQL %2, als Benutzer %3, %4</translation>
    </message>
    <message>
        <source>Connection to %1 lost; reconnecting…</source>
        <translation>Verbindung zu %1 unterbrochen; wird wiederhergestellt…</translation>
    </message>
</context>
<context>
    <name>DateColumns</name>
    <message>
        <source>the dates in column &apos;%1&apos; can be read day first or month first (such as &apos;%2&apos;); say which with --date-order DMY or --date-order MDY</source>
        <translation>die Daten in Spalte „%1“ können mit dem Tag oder dem Monat zuerst gelesen werden (etwa „%2“); geben Sie es mit --date-order DMY oder --date-order MDY an</translation>
    </message>
    <message>
        <source>the dates in column &apos;%1&apos; are written both day first (&apos;%2&apos;) and month first (&apos;%3&apos;); correct them or say which to read with --date-order DMY or MDY</source>
        <translation>die Daten in Spalte „%1“ sind teils mit dem Tag zuerst („%2“), teils mit dem Monat zuerst („%3“) geschrieben; korrigieren Sie sie oder geben Sie die Lesart mit --date-order DMY oder MDY an</translation>
    </message>
    <message>
        <source>The leaving date</source>
        <translation>Das Austrittsdatum</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; can be read day first or month first; say which with --date-order</source>
        <translation>%1 „%2“ kann mit dem Tag oder dem Monat zuerst gelesen werden; geben Sie es mit --date-order an</translation>
    </message>
    <message>
        <source>%1 must be a date such as 1980-12-31, 31.12.1980 or %2, not &apos;%3&apos;</source>
        <translation>%1 muss ein Datum wie 1980-12-31, 31.12.1980 oder %2 sein, nicht „%3“</translation>
    </message>
    <message>
        <source>%1 must be a date such as 1980-12-31 or 31.12.1980, not &apos;%2&apos;</source>
        <translation>%1 muss ein Datum wie 1980-12-31 oder 31.12.1980 sein, nicht „%2“</translation>
    </message>
</context>
<context>
    <name>DateOfBirthEdit</name>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmation</name>
    <message>
        <source>This employee no longer exists.</source>
        <translation>Diesen Mitarbeiter gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This employee keeps being changed by someone else; it was not deleted.</source>
        <translation>Dieser Mitarbeiter wird immer wieder von jemand anderem geändert; er wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>Delete Employee</source>
        <translation>Mitarbeiter löschen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Their profile (date of birth, team, address, gender, bio and photo) is deleted with them. This cannot be undone.</source>
        <translation>Das Profil (Geburtsdatum, Team, Adresse, Geschlecht, Biografie und Foto) wird mit gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since it was shown. Delete it anyway?</source>
        <translation>%1 wurde von jemand anderem geändert, seit es angezeigt wurde. Trotzdem löschen?</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DriverErrorMapper</name>
    <message>
        <source>Another employee already uses this email address.</source>
        <translation>Ein anderer Mitarbeiter verwendet diese E-Mail-Adresse bereits.</translation>
    </message>
    <message>
        <source>Another employee already uses this phone number.</source>
        <translation>Ein anderer Mitarbeiter verwendet diese Telefonnummer bereits.</translation>
    </message>
    <message>
        <source>A team with this name already exists.</source>
        <translation>Ein Team mit diesem Namen gibt es bereits.</translation>
    </message>
    <message>
        <source>This employee already has a profile.</source>
        <translation>Dieser Mitarbeiter hat bereits ein Profil.</translation>
    </message>
    <message>
        <source>The chosen team does not exist.</source>
        <translation>Das gewählte Team existiert nicht.</translation>
    </message>
    <message>
        <source>The database is locked by another program; nothing was saved. Try again in a moment.</source>
        <translation>Die Datenbank ist von einem anderen Programm gesperrt; nichts wurde gespeichert. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The database is read-only; nothing was saved.</source>
        <translation>Die Datenbank ist schreibgeschützt; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Database error; nothing was saved: %1</source>
        <translation>Datenbankfehler; nichts wurde gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>EmployeeArchive</name>
    <message>
        <source>This employee was changed or deleted by someone else since it was shown.</source>
        <translation>Dieser Mitarbeiter wurde seit der Anzeige von jemand anderem geändert oder gelöscht.</translation>
    </message>
    <message>
        <source>This employee is no longer in the archive.</source>
        <translation>Dieser Mitarbeiter ist nicht mehr im Archiv.</translation>
    </message>
</context>
<context>
    <name>EmployeeEditDialog</name>
    <message>
        <source>Employee [*]</source>
        <translation>Mitarbeiter [*]</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>+1 555 0100</source>
        <translation>+49 30 123456</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Clear date of birth</source>
        <translation>Geburtsdatum leeren</translation>
    </message>
    <message>
        <source>Clear the date of birth</source>
        <translation>Das Geburtsdatum leeren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>Tea&amp;m:</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>Remove the employee from their team</source>
        <translation>Den Mitarbeiter aus seinem Team entfernen</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>Ges&amp;chlecht:</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;Bio:</source>
        <translation>&amp;Biografie:</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biografie</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>New Employee[*]</source>
        <translation>Neuer Mitarbeiter[*]</translation>
    </message>
    <message>
        <source>%1[*] – New Employee</source>
        <translation>%1[*] – Neuer Mitarbeiter</translation>
    </message>
    <message>
        <source>%1[*] – Edit Employee</source>
        <translation>%1[*] – Mitarbeiter bearbeiten</translation>
    </message>
    <message>
        <source>Unnamed</source>
        <translation>Ohne Namen</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>This employee has unsaved changes. Save them before closing?</source>
        <translation>Dieser Mitarbeiter hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else.</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem gelöscht.</translation>
    </message>
    <message>
        <source>Deleted by Someone Else</source>
        <translation>Von jemand anderem gelöscht</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else. Save what the form shows as a new employee, or discard it?</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem gelöscht. Den Inhalt des Formulars als neuen Mitarbeiter speichern oder verwerfen?</translation>
    </message>
    <message>
        <source>Save as &amp;New</source>
        <translation>Als &amp;neu speichern</translation>
    </message>
    <message>
        <source>Back to the Form</source>
        <translation>Zurück zum Formular</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else. Saving offers to keep what the form shows as a new employee.</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem gelöscht. Beim Speichern können Sie den Inhalt des Formulars als neuen Mitarbeiter behalten.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Your database role may only read employees: this form is for viewing.</source>
        <translation>Ihre Datenbankrolle darf Mitarbeiter nur lesen: dieses Formular dient nur zur Ansicht.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Show the version saved elsewhere instead of your changes</source>
        <translation>Statt Ihrer Änderungen die anderswo gespeicherte Version anzeigen</translation>
    </message>
    <message>
        <source>Someone else saved this employee at %1.</source>
        <translation>Jemand anderes hat diesen Mitarbeiter am %1 gespeichert.</translation>
    </message>
    <message>
        <source>Changed by %1 at %2.</source>
        <translation>Geändert von %1 am %2.</translation>
    </message>
    <message>
        <source>The form shows their version.</source>
        <translation>Das Formular zeigt diese Version.</translation>
    </message>
    <message>
        <source>Your changes are kept; Save asks which version to keep, Reload shows theirs.</source>
        <translation>Ihre Änderungen bleiben erhalten; Speichern fragt, welche Version gelten soll, Neu laden zeigt die andere.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Discard your changes in this form and show the saved version?</source>
        <translation>Ihre Änderungen in diesem Formular verwerfen und die gespeicherte Version anzeigen?</translation>
    </message>
    <message>
        <source>The form shows the saved version.</source>
        <translation>Das Formular zeigt die gespeicherte Version.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Verla&amp;uf</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>&amp;Export Employee&apos;s Data…</source>
        <translation>Daten des Mitarbeiters &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save everything stored about this employee, their history included, as a PDF or JSON file (right of access)</source>
        <translation>Alles, was über diesen Mitarbeiter gespeichert ist, einschließlich des Verlaufs, als PDF- oder JSON-Datei speichern (Auskunftsrecht)</translation>
    </message>
    <message>
        <source>It holds the saved version, without your unsaved changes.</source>
        <translation>Sie enthält die gespeicherte Fassung, ohne Ihre ungespeicherten Änderungen.</translation>
    </message>
    <message>
        <source>Your database role may only read: an export is recorded in the history, which it may not write.</source>
        <translation>Ihre Datenbankrolle darf nur lesen: Ein Export wird im Verlauf festgehalten, den sie nicht schreiben darf.</translation>
    </message>
</context>
<context>
    <name>EmployeeRowSource</name>
    <message>
        <source>cannot read the employees: %1</source>
        <translation>die Mitarbeiter können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>der Export wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>EmployeeStore</name>
    <message>
        <source>Another operation is still writing to the database.</source>
        <translation>Ein anderer Vorgang schreibt noch in die Datenbank.</translation>
    </message>
    <message>
        <source>A refused row could not be undone, so nothing was saved.</source>
        <translation>Eine abgelehnte Zeile konnte nicht rückgängig gemacht werden, daher wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Database error; nothing was saved: %1</source>
        <translation>Datenbankfehler; nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>An employee cannot be created while another one is being created.</source>
        <translation>Ein Mitarbeiter kann nicht angelegt werden, während ein anderer angelegt wird.</translation>
    </message>
    <message>
        <source>The employee was not saved: %1</source>
        <translation>Der Mitarbeiter wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The employee was not saved because no profile was created for it (the profile creator is not connected).</source>
        <translation>Der Mitarbeiter wurde nicht gespeichert, weil kein Profil für ihn angelegt wurde (die Profilerstellung ist nicht verbunden).</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else.</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem gelöscht.</translation>
    </message>
    <message>
        <source>This employee no longer exists.</source>
        <translation>Diesen Mitarbeiter gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The employee %1 does not exist.</source>
        <translation>Den Mitarbeiter %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>This employee was changed by someone else since you opened it.</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem geändert, seit Sie ihn geöffnet haben.</translation>
    </message>
    <message>
        <source>This employee was changed by someone else since it was shown.</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem geändert, seit er angezeigt wurde.</translation>
    </message>
    <message>
        <source>Enter the date the employee left.</source>
        <translation>Geben Sie das Austrittsdatum ein.</translation>
    </message>
    <message>
        <source>The archive changed meanwhile; nothing was purged.</source>
        <translation>Das Archiv hat sich inzwischen geändert; niemand wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
<context>
    <name>EmployeeTabs</name>
    <message>
        <source>Employees</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Name, email or phone</source>
        <translation>Name, E-Mail oder Telefon</translation>
    </message>
</context>
<context>
    <name>EmployeeValidator</name>
    <message>
        <source>First name is required</source>
        <translation>Vorname ist erforderlich</translation>
    </message>
    <message numerus="yes">
        <source>First name is too long (at most %n characters)</source>
        <translation>
            <numerusform>Vorname ist zu lang (höchstens %n Zeichen)</numerusform>
            <numerusform>Vorname ist zu lang (höchstens %n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last name is required</source>
        <translation>Nachname ist erforderlich</translation>
    </message>
    <message numerus="yes">
        <source>Last name is too long (at most %n characters)</source>
        <translation>
            <numerusform>Nachname ist zu lang (höchstens %n Zeichen)</numerusform>
            <numerusform>Nachname ist zu lang (höchstens %n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Email is required</source>
        <translation>E-Mail ist erforderlich</translation>
    </message>
    <message>
        <source>Email is not a valid address</source>
        <translation>E-Mail ist keine gültige Adresse</translation>
    </message>
    <message>
        <source>Date of birth cannot be in the future</source>
        <translation>Geburtsdatum darf nicht in der Zukunft liegen</translation>
    </message>
    <message>
        <source>Date of birth cannot be before 1900-01-01</source>
        <translation>Geburtsdatum darf nicht vor dem 1900-01-01 liegen</translation>
    </message>
    <message numerus="yes">
        <source>Address is too long (at most %n characters)</source>
        <translation>
            <numerusform>Adresse ist zu lang (höchstens %n Zeichen)</numerusform>
            <numerusform>Adresse ist zu lang (höchstens %n Zeichen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bio is too long (at most %n characters)</source>
        <translation>
            <numerusform>Biografie ist zu lang (höchstens %n Zeichen)</numerusform>
            <numerusform>Biografie ist zu lang (höchstens %n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo is too large (at most 5 MB)</source>
        <translation>Foto ist zu groß (höchstens 5 MB)</translation>
    </message>
    <message>
        <source>Team is not valid</source>
        <translation>Team ist ungültig</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Excel Workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV für Excel (*.csv)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1 läuft…</translation>
    </message>
    <message>
        <source>“%1” was not written: %2</source>
        <translation>„%1“ wurde nicht geschrieben: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1.</source>
        <translation>
            <numerusform>%n Mitarbeiter nach %1 exportiert.</numerusform>
            <numerusform>%n Mitarbeiter nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” already exists. Do you want to replace it?</source>
        <translation>„%1“ ist bereits vorhanden. Möchten Sie die Datei ersetzen?</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>The database could not be opened for the export.</source>
        <translation>Die Datenbank konnte für den Export nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Divers</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Nicht angegeben</translation>
    </message>
</context>
<context>
    <name>GuiRunner</name>
    <message>
        <source>Employee Records</source>
        <translation>Employee Records</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>Die Datenbank konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>HeaderMatcher</name>
    <message>
        <source>--map &apos;%1=%2&apos;: there is no field &apos;%2&apos;; the fields are %3</source>
        <translation>--map „%1=%2“: es gibt kein Feld „%2“; die Felder sind %3</translation>
    </message>
    <message>
        <source>the columns &apos;%1&apos; and &apos;%2&apos; both mean &apos;%3&apos;; remove one, or say which to read with --map</source>
        <translation>die Spalten „%1“ und „%2“ bedeuten beide „%3“; entfernen Sie eine oder geben Sie mit --map an, welche gelesen wird</translation>
    </message>
    <message>
        <source>the header has no column for &apos;%1&apos;; it is required (name a column with --map &quot;Header=%1&quot;)</source>
        <translation>die Kopfzeile hat keine Spalte für „%1“; sie ist erforderlich (benennen Sie eine Spalte mit --map &quot;Kopf=%1&quot;)</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message numerus="yes">
        <source>Created the missing profiles of %n employee(s).</source>
        <translation>
            <numerusform>Das fehlende Profil von %n Mitarbeiter wurde angelegt.</numerusform>
            <numerusform>Die fehlenden Profile von %n Mitarbeitern wurden angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n employee(s) with their profiles</source>
        <translation>
            <numerusform>%n Mitarbeiter mit Profil importiert</numerusform>
            <numerusform>%n Mitarbeiter mit ihren Profilen importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>%n Zeile abgelehnt.</numerusform>
            <numerusform>%n Zeilen abgelehnt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1.</source>
        <translation>
            <numerusform>%n Mitarbeiter nach %1 exportiert.</numerusform>
            <numerusform>%n Mitarbeiter nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database is consistent: %n employee(s), each with exactly one profile.</source>
        <translation>
            <numerusform>Die Datenbank ist konsistent: %n Mitarbeiter mit genau einem Profil.</numerusform>
            <numerusform>Die Datenbank ist konsistent: %n Mitarbeiter, jeder mit genau einem Profil.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n Problem gefunden.</numerusform>
            <numerusform>%n Probleme gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No employee has the email address %1.</source>
        <translation>Kein Mitarbeiter hat die E-Mail-Adresse %1.</translation>
    </message>
    <message>
        <source>Nothing was purged: %1</source>
        <translation>Nichts wurde gelöscht: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n archived employee(s) would be purged; nothing was changed (--dry-run).</source>
        <translation>
            <numerusform>%n archivierter Mitarbeiter würde gelöscht; nichts wurde geändert (--dry-run).</numerusform>
            <numerusform>%n archivierte Mitarbeiter würden gelöscht; nichts wurde geändert (--dry-run).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purged %n archived employee(s) who left before %1.</source>
        <translation>
            <numerusform>%n archivierter Mitarbeiter, vor %1 ausgetreten, gelöscht.</numerusform>
            <numerusform>%n archivierte Mitarbeiter, vor %1 ausgetreten, gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>No employee, current or archived, has the email address %1.</source>
        <translation>Kein Mitarbeiter, weder aktuell noch archiviert, hat die E-Mail-Adresse %1.</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message>
        <source>Exported the data of %1 to %2.</source>
        <translation>Die Daten von %1 wurden nach %2 exportiert.</translation>
    </message>
    <message>
        <source>The roles %1 (read), %2 (read, change and archive employees and profiles) and %3 (also deleting for good, teams and schema upgrades) are set up. Add a person with: CREATE ROLE name LOGIN PASSWORD &apos;…&apos; IN ROLE %2;</source>
        <translation>Die Rollen %1 (lesen), %2 (lesen sowie Mitarbeiter und Profile ändern und archivieren) und %3 (auch endgültig löschen, Teams und Schema-Aktualisierungen) sind eingerichtet. Eine Person fügen Sie hinzu mit: CREATE ROLE name LOGIN PASSWORD &apos;…&apos; IN ROLE %2;</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message numerus="yes">
        <source>Dry run, nothing was changed: %n employee(s) would be added</source>
        <translation>
            <numerusform>Probelauf, nichts wurde geändert: %n Mitarbeiter würde hinzugefügt</numerusform>
            <numerusform>Probelauf, nichts wurde geändert: %n Mitarbeiter würden hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n aktualisiert</numerusform>
            <numerusform>%n aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left unchanged</source>
        <translation>
            <numerusform>%n unverändert</numerusform>
            <numerusform>%n unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would be refused.</source>
        <translation>
            <numerusform>%n Zeile würde abgelehnt.</numerusform>
            <numerusform>%n Zeilen würden abgelehnt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Every change to the employees and teams: who, when, from where, old and new value</source>
        <translation>Jede Änderung an Mitarbeitern und Teams: wer, wann, woher, alter und neuer Wert</translation>
    </message>
</context>
<context>
    <name>HistoryFormat</name>
    <message>
        <source>another tool</source>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>Rolle %1</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>unbekannter Benutzer</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>Import von %1</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>archived, left on %1</source>
        <translation>archiviert, ausgetreten am %1</translation>
    </message>
    <message>
        <source>restored from the archive</source>
        <translation>aus dem Archiv wiederhergestellt</translation>
    </message>
    <message>
        <source>export from the command line</source>
        <translation>Export über die Kommandozeile</translation>
    </message>
    <message>
        <source>export from the window</source>
        <translation>Export aus dem Fenster</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exportiert</translation>
    </message>
    <message>
        <source>exported (%1)</source>
        <translation>exportiert (%1)</translation>
    </message>
    <message>
        <source>another tool (%1)</source>
        <translation>ein anderes Programm (%1)</translation>
    </message>
    <message>
        <source>purge</source>
        <translation>Löschung</translation>
    </message>
    <message>
        <source>purged</source>
        <translation>gelöscht (Datenschutz)</translation>
    </message>
    <message numerus="yes">
        <source>imported %n employee(s)</source>
        <translation>
            <numerusform>%n Mitarbeiter importiert</numerusform>
            <numerusform>%n Mitarbeiter importiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Restore This &amp;Value</source>
        <translation>D&amp;iesen Wert wiederherstellen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Put this field&apos;s earlier value back into the form</source>
        <translation>Den früheren Wert dieses Felds wieder ins Formular setzen</translation>
    </message>
    <message>
        <source>Put every field of this save back as it was before it</source>
        <translation>Jedes Feld dieser Speicherung wieder so setzen, wie es davor war</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>A photo</source>
        <translation>Ein Foto</translation>
    </message>
    <message>
        <source>Restore This Versi&amp;on</source>
        <translation>Diese Versi&amp;on wiederherstellen</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Left on %1</source>
        <translation>Ausgetreten am %1</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Woher</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>(purged)</source>
        <translation>(endgültig gelöscht)</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archiviert)</translation>
    </message>
    <message>
        <source>team name</source>
        <translation>Teamname</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>This window cannot import: it has no way to open the database a second time.</source>
        <translation>Dieses Fenster kann nicht importieren: Es kann die Datenbank nicht ein zweites Mal öffnen.</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>„%1“ wird importiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Saving %Ln employee(s) and updating the indexes…</source>
        <translation>
            <numerusform>%Ln Mitarbeiter wird gespeichert, die Indizes werden aktualisiert…</numerusform>
            <numerusform>%Ln Mitarbeiter werden gespeichert, die Indizes werden aktualisiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported from “%1”: %2</source>
        <translation>Aus „%1“ wurde nichts importiert: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln employee(s) imported.</source>
        <translation>
            <numerusform>%Ln Mitarbeiter importiert.</numerusform>
            <numerusform>%Ln Mitarbeiter importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) rejected; see the details.</source>
        <translation>
            <numerusform>%Ln Zeile abgelehnt; siehe Details.</numerusform>
            <numerusform>%Ln Zeilen abgelehnt; siehe Details.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Running</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>An import is still running. Cancel it and close? Nothing of it will be kept.</source>
        <translation>Ein Import läuft noch. Abbrechen und schließen? Nichts davon wird behalten.</translation>
    </message>
    <message>
        <source>Cancel Import and &amp;Close</source>
        <translation>Import abbrechen und &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Keep Importing</source>
        <translation>&amp;Weiter importieren</translation>
    </message>
    <message>
        <source>Save Re&amp;fused Rows…</source>
        <translation>Abgelehnte &amp;Zeilen speichern…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>senkrechter Strich</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>„%1“ importieren</translation>
    </message>
    <message>
        <source>Create &amp;missing teams</source>
        <translation>&amp;Fehlende Teams anlegen</translation>
    </message>
    <message>
        <source>A team the file names that does not exist yet is created instead of refusing the row.</source>
        <translation>Ein Team aus der Datei, das es noch nicht gibt, wird angelegt, statt die Zeile abzulehnen.</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodierung:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>T&amp;rennzeichen:</translation>
    </message>
    <message>
        <source>Dates &amp;written as:</source>
        <translation>&amp;Datumsangaben als:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Runs the whole import and then undoes it: shows what each row would do, changes nothing.</source>
        <translation>Führt den ganzen Import aus und macht ihn dann rückgängig: zeigt, was jede Zeile bewirken würde, und ändert nichts.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Test runs the import without saving anything and lists what each row would do.</source>
        <translation>„Testen“ führt den Import aus, ohne etwas zu speichern, und listet auf, was jede Zeile bewirken würde.</translation>
    </message>
    <message>
        <source>Saves the refused rows as a CSV file with a reason column, to correct and import again.</source>
        <translation>Speichert die abgelehnten Zeilen als CSV-Datei mit einer Spalte für den Grund, zum Korrigieren und erneuten Importieren.</translation>
    </message>
    <message>
        <source>&amp;Preview (first %1 rows)</source>
        <translation>&amp;Vorschau (erste %1 Zeilen)</translation>
    </message>
    <message>
        <source>Test &amp;Results</source>
        <translation>Test&amp;ergebnis</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Day first (31.12.1980, 31/12/1980)</source>
        <translation>Tag zuerst (31.12.1980, 31/12/1980)</translation>
    </message>
    <message>
        <source>Month first (12/31/1980)</source>
        <translation>Monat zuerst (12/31/1980)</translation>
    </message>
    <message>
        <source>Year first (1980-12-31)</source>
        <translation>Jahr zuerst (1980-12-31)</translation>
    </message>
    <message>
        <source>Refuse the row</source>
        <translation>Zeile ablehnen</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>Zeile überspringen</translation>
    </message>
    <message>
        <source>Update the employee</source>
        <translation>Mitarbeiter aktualisieren</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Two columns are imported as “%1”; set one of them to Ignore.</source>
        <translation>Zwei Spalten werden als „%1“ importiert; setzen Sie eine davon auf Ignorieren.</translation>
    </message>
    <message>
        <source>Choose the column to import as “%1”: it is required.</source>
        <translation>Wählen Sie die Spalte, die als „%1“ importiert wird: sie ist erforderlich.</translation>
    </message>
    <message>
        <source>The dates in “%1” can be read day first or month first (such as %2): choose how they are written.</source>
        <translation>Die Daten in „%1“ lassen sich mit dem Tag oder dem Monat zuerst lesen (etwa %2): wählen Sie, wie sie geschrieben sind.</translation>
    </message>
    <message>
        <source>The dates in “%1” are written both day first (%2) and month first (%3): choose one order; rows in the other are refused.</source>
        <translation>Die Daten in „%1“ stehen teils mit dem Tag zuerst (%2), teils mit dem Monat zuerst (%3): wählen Sie eine Reihenfolge; Zeilen in der anderen werden abgelehnt.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Die Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Would add: %1 · would update: %2 · unchanged: %3 · skipped: %4 · refused: %5. Nothing was changed.</source>
        <translation>Würde hinzufügen: %1 · würde aktualisieren: %2 · unverändert: %3 · übersprungen: %4 · abgelehnt: %5. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Employees that e&amp;xist (same email):</source>
        <translation>Vorhandene &amp;Mitarbeiter (gleiche E-Mail):</translation>
    </message>
    <message>
        <source>Save Re&amp;fused Rows…</source>
        <translation>Abgelehnte &amp;Zeilen speichern…</translation>
    </message>
</context>
<context>
    <name>ImportFieldNames</name>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biografie</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Ausgetreten am</translation>
    </message>
    <message>
        <source>Leaving reason</source>
        <translation>Austrittsgrund</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>The database could not be opened for the import.</source>
        <translation>Die Datenbank konnte für den Import nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
</context>
<context>
    <name>ImportReversal</name>
    <message>
        <source>Some of the imported employees changed just now.</source>
        <translation>Einige der importierten Mitarbeiter wurden soeben geändert.</translation>
    </message>
</context>
<context>
    <name>ImportStep</name>
    <message>
        <source>Import of %1</source>
        <translation>Import von %1</translation>
    </message>
    <message>
        <source>Nothing was changed. Try again.</source>
        <translation>Nichts wurde geändert. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The import could not be undone: %1</source>
        <translation>Der Import konnte nicht rückgängig gemacht werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n employee(s) that the import of %1 added.</source>
        <translation>
            <numerusform>%n Mitarbeiter entfernt, den der Import von %1 hinzugefügt hatte.</numerusform>
            <numerusform>%n Mitarbeiter entfernt, die der Import von %1 hinzugefügt hatte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s) were changed or archived since and were left as they are: %1.</source>
        <translation>
            <numerusform>%n Mitarbeiter wurde seither geändert oder archiviert und bleibt, wie er ist: %1.</numerusform>
            <numerusform>%n Mitarbeiter wurden seither geändert oder archiviert und bleiben, wie sie sind: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import of %1 was too large to be redone from memory; import the file again.</source>
        <translation>Der Import von %1 war zu groß, um ihn aus dem Speicher zu wiederholen; importieren Sie die Datei erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s) of the import of %1 could not be added again (their email or phone is taken now); nothing was added.</source>
        <translation>
            <numerusform>%n Mitarbeiter des Imports von %1 konnte nicht wieder hinzugefügt werden (E-Mail oder Telefon ist jetzt vergeben); nichts wurde hinzugefügt.</numerusform>
            <numerusform>%n Mitarbeiter des Imports von %1 konnten nicht wieder hinzugefügt werden (E-Mail oder Telefon ist jetzt vergeben); nichts wurde hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added the %n employee(s) of the import of %1 again.</source>
        <translation>
            <numerusform>Den %n Mitarbeiter des Imports von %1 wieder hinzugefügt.</numerusform>
            <numerusform>Die %n Mitarbeiter des Imports von %1 wieder hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import could not be redone: %1</source>
        <translation>Der Import konnte nicht wiederholt werden: %1</translation>
    </message>
</context>
<context>
    <name>ImportTeams</name>
    <message>
        <source>unknown team &apos;%1&apos;, and your role on the server may not create teams (--create-teams needs the %2 role; ask an administrator to create it)</source>
        <translation>unbekanntes Team „%1“, und Ihre Rolle auf dem Server darf keine Teams anlegen (--create-teams braucht die Rolle %2; bitten Sie einen Administrator, es anzulegen)</translation>
    </message>
    <message>
        <source>team &apos;%1&apos; could not be created: %2</source>
        <translation>Team „%1“ konnte nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>ImportUpdater</name>
    <message>
        <source>email: an archived employee has this email; restore them first</source>
        <translation>email: ein archivierter Mitarbeiter hat diese E-Mail-Adresse; zuerst wiederherstellen</translation>
    </message>
    <message>
        <source>the employee with this email could not be read</source>
        <translation>der Mitarbeiter mit dieser E-Mail-Adresse konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>phone: %1 belongs to another employee</source>
        <translation>phone: %1 gehört einem anderen Mitarbeiter</translation>
    </message>
</context>
<context>
    <name>IntegrityChecker</name>
    <message>
        <source>The check could not run: %1</source>
        <translation>Die Prüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more like this.</source>
        <translation>
            <numerusform>… und %n weiterer dieser Art.</numerusform>
            <numerusform>… und %n weitere dieser Art.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation>Die Datenbankdatei ist beschädigt: %1</translation>
    </message>
    <message>
        <source>Employee %1 has no profile.</source>
        <translation>Mitarbeiter %1 hat kein Profil.</translation>
    </message>
    <message>
        <source>Employee %1 has more than one profile.</source>
        <translation>Mitarbeiter %1 hat mehr als ein Profil.</translation>
    </message>
    <message>
        <source>Profile %1 belongs to no existing employee.</source>
        <translation>Profil %1 gehört zu keinem vorhandenen Mitarbeiter.</translation>
    </message>
    <message>
        <source>Profile %1 refers to a team that does not exist.</source>
        <translation>Profil %1 verweist auf ein Team, das es nicht gibt.</translation>
    </message>
    <message>
        <source>Archived employee %1 has no profile.</source>
        <translation>Archivierter Mitarbeiter %1 hat kein Profil.</translation>
    </message>
    <message>
        <source>Employee %1 is both archived and current.</source>
        <translation>Mitarbeiter %1 ist zugleich archiviert und aktuell.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>&amp;System Default</source>
        <translation>&amp;Systemstandard</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies the next time you start Employee Records.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Employee Records.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Delete Employee</source>
        <translation>Mitarbeiter löschen</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>&amp;Statusleiste anzeigen</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n Mitarbeiter</numerusform>
            <numerusform>%n Mitarbeiter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – Employee Records</source>
        <translation>%1 – Employee Records</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Deleted %1 and their profile.</source>
        <translation>%1 und das zugehörige Profil wurden gelöscht.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import abgebrochen; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>This employee no longer exists.</source>
        <translation>Diesen Mitarbeiter gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Importing “%1”: adding, editing and deleting employees, teams and databases wait until it ends.</source>
        <translation>„%1“ wird importiert: Mitarbeiter, Teams und Datenbanken können erst danach hinzugefügt, bearbeitet oder gelöscht werden.</translation>
    </message>
    <message>
        <source>An import is running; try again when it has ended.</source>
        <translation>Ein Import läuft; versuchen Sie es erneut, wenn er beendet ist.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>The server ended the connection (%1). What you see stays; nothing can be saved until it is back.</source>
        <translation>Der Server hat die Verbindung beendet (%1). Was Sie sehen, bleibt; gespeichert werden kann erst wieder, wenn sie zurück ist.</translation>
    </message>
    <message>
        <source>An undo is running; try again when it has ended.</source>
        <translation>Ein Rückgängigmachen läuft; versuchen Sie es erneut, wenn es beendet ist.</translation>
    </message>
    <message>
        <source>An undo is running; close the window when it has ended.</source>
        <translation>Ein Rückgängigmachen läuft; schließen Sie das Fenster, wenn es beendet ist.</translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>Create an empty employee database file and open it</source>
        <translation>Eine leere Mitarbeiterdatenbank-Datei anlegen und öffnen</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an existing employee database file</source>
        <translation>Eine vorhandene Mitarbeiterdatenbank-Datei öffnen</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>Add employees from a CSV file</source>
        <translation>Mitarbeiter aus einer CSV-Datei hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New Employee</source>
        <translation>&amp;Neuer Mitarbeiter</translation>
    </message>
    <message>
        <source>Add an employee (their profile is created with them)</source>
        <translation>Einen Mitarbeiter hinzufügen (sein Profil wird mit angelegt)</translation>
    </message>
    <message>
        <source>&amp;Edit Employee</source>
        <translation>Mitarbeiter &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Edit the selected employee and their profile (Enter or double-click)</source>
        <translation>Den ausgewählten Mitarbeiter und sein Profil bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <source>&amp;Teams…</source>
        <translation>&amp;Teams…</translation>
    </message>
    <message>
        <source>Add, rename and delete teams</source>
        <translation>Teams hinzufügen, umbenennen und löschen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search employees by name, email or phone</source>
        <translation>Mitarbeiter nach Name, E-Mail oder Telefon suchen</translation>
    </message>
    <message>
        <source>&amp;Employees</source>
        <translation>&amp;Mitarbeiter</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;About Employee Records</source>
        <translation>Ü&amp;ber Employee Records</translation>
    </message>
    <message>
        <source>New Employee (%1)</source>
        <translation>Neuer Mitarbeiter (%1)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>New Employee</source>
        <translation>Neuer Mitarbeiter</translation>
    </message>
    <message>
        <source>Edit Employee</source>
        <translation>Mitarbeiter bearbeiten</translation>
    </message>
    <message>
        <source>Your database role may only read employees.</source>
        <translation>Ihre Datenbankrolle darf Mitarbeiter nur lesen.</translation>
    </message>
    <message>
        <source>Your database role may not change teams.</source>
        <translation>Ihre Datenbankrolle darf Teams nicht ändern.</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>Open the employee database on a PostgreSQL server shared with your colleagues</source>
        <translation>Die Mitarbeiterdatenbank auf einem PostgreSQL-Server öffnen, den Sie mit Ihren Kollegen teilen</translation>
    </message>
    <message>
        <source>&amp;Recent Servers</source>
        <translation>&amp;Zuletzt verwendete Server</translation>
    </message>
    <message>
        <source>&amp;Archive Employee…</source>
        <translation>Mitarbeiter &amp;archivieren…</translation>
    </message>
    <message>
        <source>The selected employee left: hide them from the views, keeping their records</source>
        <translation>Der ausgewählte Mitarbeiter ist ausgetreten: in den Ansichten ausblenden, Daten behalten</translation>
    </message>
    <message>
        <source>Delete &amp;Permanently…</source>
        <translation>&amp;Endgültig löschen…</translation>
    </message>
    <message>
        <source>Erase the selected employee and their profile for good (for mistakes)</source>
        <translation>Den ausgewählten Mitarbeiter und sein Profil endgültig löschen (für Irrtümer)</translation>
    </message>
    <message>
        <source>Archive Employee…</source>
        <translation>Mitarbeiter archivieren…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Take back your last change (a new, recorded change)</source>
        <translation>Ihre letzte Änderung zurücknehmen (als neue, protokollierte Änderung)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Do again the change you took back</source>
        <translation>Die zurückgenommene Änderung erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Only an administrator may delete employees permanently; archive them instead.</source>
        <translation>Nur ein Administrator darf Mitarbeiter endgültig löschen; archivieren Sie sie stattdessen.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Write every employee and profile to an Excel workbook or a CSV file</source>
        <translation>Alle Mitarbeiter und Profile in eine Excel-Arbeitsmappe oder eine CSV-Datei schreiben</translation>
    </message>
</context>
<context>
    <name>PasswordVault</name>
    <message>
        <source>No secret service (such as GNOME Keyring or KWallet) answers, so the password cannot be kept safely; it is not stored anywhere else. (%1)</source>
        <translation>Kein Schlüsselbund (wie GNOME Keyring oder KWallet) antwortet, daher kann das Passwort nicht sicher aufbewahrt werden; es wird nirgendwo sonst gespeichert. (%1)</translation>
    </message>
</context>
<context>
    <name>PersonalDataExport</name>
    <message>
        <source>Cannot read the employee: %1</source>
        <translation>Der Mitarbeiter kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No employee has the id %1.</source>
        <translation>Kein Mitarbeiter hat die Nummer %1.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot save “%1”: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>PersonalDataExportController</name>
    <message>
        <source>Export Employee&apos;s Data</source>
        <translation>Daten des Mitarbeiters exportieren</translation>
    </message>
    <message>
        <source>PDF document, readable (*.pdf)</source>
        <translation>PDF-Dokument, lesbar (*.pdf)</translation>
    </message>
    <message>
        <source>JSON file, for other programs (*.json)</source>
        <translation>JSON-Datei, für andere Programme (*.json)</translation>
    </message>
    <message>
        <source>%1 - personal data</source>
        <translation>%1 - personenbezogene Daten</translation>
    </message>
    <message>
        <source>The employee&apos;s data was exported to %1.</source>
        <translation>Die Daten des Mitarbeiters wurden nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The employee&apos;s data was not exported to %1: %2</source>
        <translation>Die Daten des Mitarbeiters wurden nicht nach %1 exportiert: %2</translation>
    </message>
</context>
<context>
    <name>PersonalDataFile</name>
    <message>
        <source>The document could not be rendered.</source>
        <translation>Das Dokument konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>PersonalDataPdf</name>
    <message>
        <source>Personal data of %1</source>
        <translation>Personenbezogene Daten von %1</translation>
    </message>
    <message>
        <source>Everything Employee Records stores about this person (GDPR Art. 15), exported on %1 by %2. The JSON export holds the same data for machines.</source>
        <translation>Alles, was Employee Records über diese Person speichert (Art. 15 DSGVO), exportiert am %1 von %2. Der JSON-Export enthält dieselben Daten für Maschinen.</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Archived (left)</source>
        <translation>Archiviert (ausgetreten)</translation>
    </message>
    <message>
        <source>Current employee</source>
        <translation>Aktueller Mitarbeiter</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Datensatznummer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n byte(s)</source>
        <translation>
            <numerusform>%1, %n Byte</numerusform>
            <numerusform>%1, %n Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biografie</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>No profile is stored.</source>
        <translation>Es ist kein Profil gespeichert.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Ausgetreten am</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Archived at</source>
        <translation>Archiviert am</translation>
    </message>
    <message numerus="yes">
        <source>History (%n change(s), newest first)</source>
        <translation>
            <numerusform>Verlauf (%n Änderung, neueste zuerst)</numerusform>
            <numerusform>Verlauf (%n Änderungen, neueste zuerst)</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
</context>
<context>
    <name>PhoneNumberNormalizer</name>
    <message>
        <source>&apos;%1&apos; has no valid country code; write it as +&lt;country code&gt; &lt;number&gt;</source>
        <translation>„%1“ hat keine gültige Ländervorwahl; schreiben Sie +&lt;Ländervorwahl&gt; &lt;Nummer&gt;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone number</source>
        <translation>„%1“ ist keine Telefonnummer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too short to be a phone number</source>
        <translation>„%1“ ist zu kurz für eine Telefonnummer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long to be a phone number</source>
        <translation>„%1“ ist zu lang für eine Telefonnummer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid phone number for region %2</source>
        <translation>„%1“ ist keine gültige Telefonnummer für die Region %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too short for a phone number in region %2</source>
        <translation>„%1“ ist zu kurz für eine Telefonnummer in der Region %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long for a phone number in region %2</source>
        <translation>„%1“ ist zu lang für eine Telefonnummer in der Region %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not have the length of a phone number in region %2</source>
        <translation>„%1“ hat nicht die Länge einer Telefonnummer in der Region %2</translation>
    </message>
    <message>
        <source>Phone number is empty</source>
        <translation>Telefonnummer ist leer</translation>
    </message>
</context>
<context>
    <name>PhotoDecoder</name>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>„%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>“%1” is too large (%2); choose an image of at most %3.</source>
        <translation>„%1“ ist zu groß (%2); wählen Sie ein Bild von höchstens %3.</translation>
    </message>
    <message>
        <source>“%1” is not a JPEG or PNG image.</source>
        <translation>„%1“ ist kein JPEG- oder PNG-Bild.</translation>
    </message>
    <message>
        <source>“%1” could not be decoded: %2</source>
        <translation>„%1“ konnte nicht dekodiert werden: %2</translation>
    </message>
    <message>
        <source>“%1” is too large (%2 × %3 pixels); choose an image of at most %4 pixels per side.</source>
        <translation>„%1“ ist zu groß (%2 × %3 Pixel); wählen Sie ein Bild mit höchstens %4 Pixeln pro Seite.</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Choose photo</source>
        <translation>Foto auswählen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Kein Foto</translation>
    </message>
    <message>
        <source>Unreadable photo</source>
        <translation>Foto nicht lesbar</translation>
    </message>
    <message>
        <source>Photo set</source>
        <translation>Foto gesetzt</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose Photo</source>
        <translation>Foto auswählen</translation>
    </message>
    <message>
        <source>JPEG and PNG images (*.jpg *.jpeg *.png)</source>
        <translation>JPEG- und PNG-Bilder (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>ProfileTableModel</name>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>PurgeController</name>
    <message>
        <source>P&amp;urge Archived Employees…</source>
        <translation>Archivierte Mitarbeiter &amp;endgültig löschen…</translation>
    </message>
    <message>
        <source>Erase the archived employees who left longer ago than the retention period</source>
        <translation>Die archivierten Mitarbeiter löschen, die vor länger als der Aufbewahrungsfrist ausgetreten sind</translation>
    </message>
    <message>
        <source>Your database role may not purge archived employees (an administrator&apos;s task).</source>
        <translation>Ihre Datenbankrolle darf archivierte Mitarbeiter nicht endgültig löschen (Aufgabe eines Administrators).</translation>
    </message>
    <message>
        <source>Purge Archived Employees</source>
        <translation>Archivierte Mitarbeiter endgültig löschen</translation>
    </message>
    <message>
        <source>The archive changed while you were deciding; nothing was purged. Open Purge Archived Employees again to see who would be erased now.</source>
        <translation>Das Archiv hat sich geändert, während Sie entschieden haben; nichts wurde gelöscht. Öffnen Sie „Archivierte Mitarbeiter endgültig löschen“ erneut, um zu sehen, wer jetzt gelöscht würde.</translation>
    </message>
    <message>
        <source>Nothing was purged: %1</source>
        <translation>Nichts wurde gelöscht: %1</translation>
    </message>
    <message numerus="yes">
        <source>Purged %n archived employee(s) who left before %1.</source>
        <translation>
            <numerusform>%n archivierter Mitarbeiter, der vor dem %1 ausgetreten ist, wurde endgültig gelöscht.</numerusform>
            <numerusform>%n archivierte Mitarbeiter, die vor dem %1 ausgetreten sind, wurden endgültig gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The history records the purge: who ran it, when and how many.</source>
        <translation>Der Verlauf verzeichnet die Löschung: wer, wann und wie viele.</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n archived employee(s) who left before %1?</source>
        <translation>
            <numerusform>%n archivierten Mitarbeiter löschen, der vor dem %1 ausgetreten ist?</numerusform>
            <numerusform>%n archivierte Mitarbeiter löschen, die vor dem %1 ausgetreten sind?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their employee records, profiles (date of birth, team, address, gender, bio, photo) and every value their history kept are erased and cannot be restored.</source>
        <translation>Ihre Mitarbeiterdaten, Profile (Geburtsdatum, Team, Adresse, Geschlecht, Bio, Foto) und jeder Wert in ihrem Verlauf werden gelöscht und können nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>&amp;Continue…</source>
        <translation>&amp;Weiter…</translation>
    </message>
    <message numerus="yes">
        <source>Really erase %n employee(s) for good?</source>
        <translation>
            <numerusform>%n Mitarbeiter wirklich endgültig löschen?</numerusform>
            <numerusform>%n Mitarbeiter wirklich endgültig löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the last question. There is no undo.</source>
        <translation>Dies ist die letzte Frage. Es gibt kein Rückgängig.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Erase %n Employee(s)</source>
        <translation>
            <numerusform>%n Mitarbeiter &amp;löschen</numerusform>
            <numerusform>%n Mitarbeiter &amp;löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge Archived Employees</source>
        <translation>Archivierte Mitarbeiter endgültig löschen</translation>
    </message>
    <message>
        <source>Data protection: erase the archived employees whose leaving date is older than the retention period, with their profiles and every value their history kept. The history keeps who purged, when and how many, nothing about them.</source>
        <translation>Datenschutz: die archivierten Mitarbeiter, deren Austritt länger als die Aufbewahrungsfrist zurückliegt, mit ihren Profilen und jedem Wert ihres Verlaufs löschen. Der Verlauf behält, wer gelöscht hat, wann und wie viele, nichts über sie.</translation>
    </message>
    <message>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <source>Retention period, years</source>
        <translation>Aufbewahrungsfrist, Jahre</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Retention period, months</source>
        <translation>Aufbewahrungsfrist, Monate</translation>
    </message>
    <message>
        <source>&amp;Keep archived employees for</source>
        <translation>Archivierte Mitarbeiter &amp;aufbewahren für</translation>
    </message>
    <message>
        <source>after they left</source>
        <translation>nach ihrem Austritt</translation>
    </message>
    <message>
        <source>Archived employees the purge would erase</source>
        <translation>Archivierte Mitarbeiter, die gelöscht würden</translation>
    </message>
    <message>
        <source>&amp;Purge…</source>
        <translation>Endgültig &amp;löschen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No retention period is set, so nobody is purged. Set how long archived employees are kept after they left.</source>
        <translation>Es ist keine Aufbewahrungsfrist festgelegt, daher wird niemand gelöscht. Legen Sie fest, wie lange archivierte Mitarbeiter nach ihrem Austritt aufbewahrt werden.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;, left on %3</source>
        <translation>%1 &lt;%2&gt;, ausgetreten am %3</translation>
    </message>
    <message>
        <source>Nobody in the archive left before %1.</source>
        <translation>Niemand im Archiv ist vor dem %1 ausgetreten.</translation>
    </message>
    <message numerus="yes">
        <source>%n archived employee(s) left before %1 and would be erased:</source>
        <translation>
            <numerusform>%n archivierter Mitarbeiter ist vor dem %1 ausgetreten und würde gelöscht:</numerusform>
            <numerusform>%n archivierte Mitarbeiter sind vor dem %1 ausgetreten und würden gelöscht:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordChangeWriter</name>
    <message>
        <source>This employee has no profile to save into. Close the form and open it again.</source>
        <translation>Dieser Mitarbeiter hat kein Profil zum Speichern. Schließen Sie das Formular und öffnen Sie es erneut.</translation>
    </message>
    <message>
        <source>This employee was deleted by someone else.</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem gelöscht.</translation>
    </message>
    <message>
        <source>This employee was changed by someone else since you opened it.</source>
        <translation>Dieser Mitarbeiter wurde von jemand anderem geändert, seit Sie ihn geöffnet haben.</translation>
    </message>
</context>
<context>
    <name>RecordFieldText</name>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biografie</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Kein Foto</translation>
    </message>
    <message>
        <source>A photo (%1 KB)</source>
        <translation>Ein Foto (%1 KB)</translation>
    </message>
</context>
<context>
    <name>RecordSaveStep</name>
    <message>
        <source>Save of %1</source>
        <translation>Speichern von %1</translation>
    </message>
    <message>
        <source>%1 is no longer among the current employees (archived or deleted since); nothing was changed.</source>
        <translation>%1 gehört nicht mehr zu den aktuellen Mitarbeitern (inzwischen archiviert oder gelöscht); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>%1 already had these values.</source>
        <translation>%1 hatte diese Werte bereits.</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Nichts wurde geändert; der Schritt steht weiter unter Bearbeiten &gt; Rückgängig bzw. Wiederholen.</translation>
    </message>
    <message>
        <source>%1 changed again just now; nothing was changed. Try again.</source>
        <translation>%1 wurde soeben erneut geändert; nichts wurde geändert. Versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>RefusedRowsSaver</name>
    <message>
        <source>%1-refused.csv</source>
        <comment>file name: the imported file&apos;s name without .csv</comment>
        <translation>%1-abgelehnt.csv</translation>
    </message>
    <message>
        <source>Save Refused Rows</source>
        <translation>Abgelehnte Zeilen speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>RejectedRowsWriter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RowOutcomeModel</name>
    <message>
        <source>Would add</source>
        <translation>Würde hinzufügen</translation>
    </message>
    <message>
        <source>Would update</source>
        <translation>Würde aktualisieren</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Skipped (exists)</source>
        <translation>Übersprungen (vorhanden)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <source>This database was not created by Employee Records (it has other tables and no schema version). It was not modified.</source>
        <translation>Diese Datenbank wurde nicht von Employee Records angelegt (sie hat andere Tabellen und keine Schemaversion). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>Die Schemaversion kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Employee Records (schema version %1; this version knows up to %2). It was not modified; please update the application.</source>
        <translation>Diese Datenbank wurde von einer neueren Version von Employee Records geschrieben (Schemaversion %1; diese Version kennt bis %2). Sie wurde nicht verändert; bitte aktualisieren Sie die Anwendung.</translation>
    </message>
    <message>
        <source>Cannot start the schema upgrade: %1</source>
        <translation>Die Schemaaktualisierung kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The schema upgrade from version %1 failed and was undone: %2</source>
        <translation>Die Schemaaktualisierung von Version %1 ist fehlgeschlagen und wurde rückgängig gemacht: %2</translation>
    </message>
    <message>
        <source>The schema upgrade could not be saved: %1</source>
        <translation>Die Schemaaktualisierung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Your database role may not upgrade the schema. Ask an administrator (role %1) to open the database once with this version of Employee Records.</source>
        <translation>Ihre Datenbankrolle darf das Schema nicht aktualisieren. Bitten Sie eine Administratorin oder einen Administrator (Rolle %1), die Datenbank einmal mit dieser Version von Employee Records zu öffnen.</translation>
    </message>
</context>
<context>
    <name>ServerConnectionInfo</name>
    <message>
        <source>encrypted (%1)</source>
        <translation>verschlüsselt (%1)</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
</context>
<context>
    <name>ServerConnector</name>
    <message>
        <source>No recent servers</source>
        <translation>Keine zuletzt verwendeten Server</translation>
    </message>
</context>
<context>
    <name>ServerProbe</name>
    <message>
        <source>The database %1 was written by a newer version of Employee Records; update this program first.</source>
        <translation>Die Datenbank %1 wurde von einer neueren Version von Employee Records geschrieben; aktualisieren Sie zuerst dieses Programm.</translation>
    </message>
    <message>
        <source>Connected to %1 as %2 (PostgreSQL %3), %4.</source>
        <translation>Verbunden mit %1 als %2 (PostgreSQL %3), %4.</translation>
    </message>
    <message>
        <source>The database has no employee records yet: connecting sets it up.</source>
        <translation>Die Datenbank enthält noch keine Mitarbeiterdaten: Beim Verbinden wird sie eingerichtet.</translation>
    </message>
    <message>
        <source>Its records are kept in an older format: connecting upgrades it, which needs the admin role.</source>
        <translation>Ihre Daten liegen in einem älteren Format vor: Beim Verbinden wird sie aktualisiert, wofür die Admin-Rolle nötig ist.</translation>
    </message>
</context>
<context>
    <name>ServerRoles</name>
    <message>
        <source>Roles are a PostgreSQL server&apos;s; an SQLite file is protected by its file permissions.</source>
        <translation>Rollen gibt es nur auf einem PostgreSQL-Server; eine SQLite-Datei schützen ihre Dateirechte.</translation>
    </message>
    <message>
        <source>Setting up the roles failed and was undone: %1</source>
        <translation>Das Einrichten der Rollen ist fehlgeschlagen und wurde rückgängig gemacht: %1</translation>
    </message>
</context>
<context>
    <name>TeamComboBox</name>
    <message>
        <source>No team</source>
        <translation>Kein Team</translation>
    </message>
</context>
<context>
    <name>TeamRepository</name>
    <message>
        <source>A team needs a name.</source>
        <translation>Ein Team braucht einen Namen.</translation>
    </message>
    <message numerus="yes">
        <source>A team name can have at most %n characters.</source>
        <translation>
            <numerusform>Ein Teamname darf höchstens %n Zeichen lang sein.</numerusform>
            <numerusform>Ein Teamname darf höchstens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>A team with this name already exists.</source>
        <translation>Ein Team mit diesem Namen gibt es bereits.</translation>
    </message>
    <message>
        <source>This team no longer exists.</source>
        <translation>Dieses Team gibt es nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>This team cannot be deleted: %n employee(s) belong to it. Move them to another team first.</source>
        <translation>
            <numerusform>Dieses Team kann nicht gelöscht werden: %n Mitarbeiter gehört dazu. Verschieben Sie ihn zuerst in ein anderes Team.</numerusform>
            <numerusform>Dieses Team kann nicht gelöscht werden: %n Mitarbeiter gehören dazu. Verschieben Sie sie zuerst in ein anderes Team.</numerusform>
        </translation>
    </message>
    <message>
        <source>This team was renamed or deleted meanwhile.</source>
        <translation>Dieses Team wurde inzwischen umbenannt oder gelöscht.</translation>
    </message>
</context>
<context>
    <name>TeamStep</name>
    <message>
        <source>New Team %1</source>
        <translation>Neues Team %1</translation>
    </message>
    <message>
        <source>Renaming Team %1</source>
        <translation>Umbenennen von Team %1</translation>
    </message>
    <message>
        <source>Deleting Team %1</source>
        <translation>Löschen von Team %1</translation>
    </message>
    <message>
        <source>Team %1 could not be created: %2</source>
        <translation>Team %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Created team %1.</source>
        <translation>Team %1 angelegt.</translation>
    </message>
    <message>
        <source>Team %1 no longer exists; nothing was changed.</source>
        <translation>Team %1 gibt es nicht mehr; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>Nothing was changed; it is still in Edit &gt; Undo or Redo.</source>
        <translation>Nichts wurde geändert; der Schritt steht weiter unter Bearbeiten &gt; Rückgängig bzw. Wiederholen.</translation>
    </message>
    <message>
        <source>Team %1 could not be deleted: %2</source>
        <translation>Team %1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Deleted team %1.</source>
        <translation>Team %1 gelöscht.</translation>
    </message>
    <message>
        <source>Team %1 could not be renamed: %2</source>
        <translation>Team %1 konnte nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <source>Renamed team %1 to %2.</source>
        <translation>Team %1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>Nothing was changed. Try again.</source>
        <translation>Nichts wurde geändert. Versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>TeamsDialog</name>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>&amp;Teams:</source>
        <translation>&amp;Teams:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add Team</source>
        <translation>Team hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Rename Team</source>
        <translation>Team umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete Team</source>
        <translation>Team löschen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The team could not be added.</source>
        <translation>Das Team konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>The team could not be renamed.</source>
        <translation>Das Team konnte nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>The team could not be deleted.</source>
        <translation>Das Team konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Name of the new team:</source>
        <translation>Name des neuen Teams:</translation>
    </message>
    <message>
        <source>A team needs a name.</source>
        <translation>Ein Team braucht einen Namen.</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Neuer Name von „%1“:</translation>
    </message>
    <message>
        <source>Delete the team “%1”?</source>
        <translation>Das Team „%1“ löschen?</translation>
    </message>
    <message>
        <source>“%1” cannot be deleted: %2</source>
        <translation>„%1“ kann nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>TransactionStack</name>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>Transaktion kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The changes could not be saved: %1</source>
        <translation>Die Änderungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>Datenbankfehler: %1</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>Someone else changed %1 after you added them. Undo deletes them, with their changes:</source>
        <translation>Jemand anderes hat %1 geändert, nachdem Sie den Mitarbeiter hinzugefügt haben. Rückgängig löscht ihn samt diesen Änderungen:</translation>
    </message>
    <message>
        <source>Someone else changed %1 after your change. Undo replaces their values:</source>
        <translation>Jemand anderes hat %1 nach Ihrer Änderung geändert. Rückgängig ersetzt diese Werte:</translation>
    </message>
    <message>
        <source>Someone else changed %1 after your change. Redo replaces their values:</source>
        <translation>Jemand anderes hat %1 nach Ihrer Änderung geändert. Wiederholen ersetzt diese Werte:</translation>
    </message>
    <message>
        <source>Undo Over Someone Else&apos;s Change</source>
        <translation>Rückgängig über die Änderung eines anderen</translation>
    </message>
    <message>
        <source>Redo Over Someone Else&apos;s Change</source>
        <translation>Wiederholen über die Änderung eines anderen</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>After Undo</source>
        <translation>Nach Rückgängig</translation>
    </message>
    <message>
        <source>After Redo</source>
        <translation>Nach Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Delete Anyway</source>
        <translation>&amp;Trotzdem löschen</translation>
    </message>
    <message>
        <source>&amp;Replace Their Values</source>
        <translation>Ihre Werte &amp;ersetzen</translation>
    </message>
    <message>
        <source>&amp;Keep Their Values</source>
        <translation>Ihre Werte &amp;behalten</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Wiederholt: %1.</translation>
    </message>
    <message>
        <source>Cannot Undo</source>
        <translation>Rückgängig nicht möglich</translation>
    </message>
    <message>
        <source>Cannot Redo</source>
        <translation>Wiederholen nicht möglich</translation>
    </message>
    <message>
        <source>%1 cannot be undone: %2 It was taken off the list.</source>
        <translation>%1 kann nicht rückgängig gemacht werden: %2 Der Schritt wurde von der Liste genommen.</translation>
    </message>
    <message>
        <source>%1 cannot be redone: %2 It was taken off the list.</source>
        <translation>%1 kann nicht wiederholt werden: %2 Der Schritt wurde von der Liste genommen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>(archived as it is now)</source>
        <translation>(so archiviert, wie es jetzt ist)</translation>
    </message>
    <message>
        <source>Someone else changed %1 since. Archiving keeps their values:</source>
        <translation>Jemand anderes hat %1 inzwischen geändert. Beim Archivieren bleiben diese Werte:</translation>
    </message>
</context>
<context>
    <name>UndoStack</name>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>Die Datenbank konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>XlsxExporter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: the workbook could not be created</source>
        <translation>„%1“ kann nicht geschrieben werden: die Arbeitsmappe konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>an Excel sheet holds at most %1 employees: export them as CSV</source>
        <translation>ein Excel-Tabellenblatt fasst höchstens %1 Mitarbeiter: exportieren Sie sie als CSV</translation>
    </message>
    <message>
        <source>cannot write row %1, column %2 of &apos;%3&apos;: %4</source>
        <translation>Zeile %1, Spalte %2 von „%3“ kann nicht geschrieben werden: %4</translation>
    </message>
    <message>
        <source>cannot save &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>der Export wurde abgebrochen</translation>
    </message>
</context>
</TS>
