<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DatabaseHistoryPanel</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n change(s)</source>
        <translation>
            <numerusform>at least %n change</numerusform>
            <numerusform>at least %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmployeeValidator</name>
    <message numerus="yes">
        <source>First name is too long (at most %n characters)</source>
        <translation>
            <numerusform>First name is too long (at most %n character)</numerusform>
            <numerusform>First name is too long (at most %n characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last name is too long (at most %n characters)</source>
        <translation>
            <numerusform>Last name is too long (at most %n character)</numerusform>
            <numerusform>Last name is too long (at most %n characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Address is too long (at most %n characters)</source>
        <translation>
            <numerusform>Address is too long (at most %n character)</numerusform>
            <numerusform>Address is too long (at most %n characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bio is too long (at most %n characters)</source>
        <translation>
            <numerusform>Bio is too long (at most %n character)</numerusform>
            <numerusform>Bio is too long (at most %n characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1.</source>
        <translation>
            <numerusform>Exported %n employee to %1.</numerusform>
            <numerusform>Exported %n employees to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message numerus="yes">
        <source>Created the missing profiles of %n employee(s).</source>
        <translation>
            <numerusform>Created the missing profile of %n employee.</numerusform>
            <numerusform>Created the missing profiles of %n employees.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n employee(s) with their profiles</source>
        <translation>
            <numerusform>Imported %n employee with their profile</numerusform>
            <numerusform>Imported %n employees with their profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>%n row rejected.</numerusform>
            <numerusform>%n rows rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1.</source>
        <translation>
            <numerusform>Exported %n employee to %1.</numerusform>
            <numerusform>Exported %n employees to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database is consistent: %n employee(s), each with exactly one profile.</source>
        <translation>
            <numerusform>The database is consistent: %n employee, with exactly one profile.</numerusform>
            <numerusform>The database is consistent: %n employees, each with exactly one profile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n archived employee(s) would be purged; nothing was changed (--dry-run).</source>
        <translation>
            <numerusform>%n archived employee would be purged; nothing was changed (--dry-run).</numerusform>
            <numerusform>%n archived employees would be purged; nothing was changed (--dry-run).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purged %n archived employee(s) who left before %1.</source>
        <translation>
            <numerusform>Purged %n archived employee who left before %1.</numerusform>
            <numerusform>Purged %n archived employees who left before %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run, nothing was changed: %n employee(s) would be added</source>
        <translation>
            <numerusform>Dry run, nothing was changed: %n employee would be added</numerusform>
            <numerusform>Dry run, nothing was changed: %n employees would be added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left unchanged</source>
        <translation>
            <numerusform>%n left unchanged</numerusform>
            <numerusform>%n left unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would be refused.</source>
        <translation>
            <numerusform>%n row would be refused.</numerusform>
            <numerusform>%n rows would be refused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryFormat</name>
    <message numerus="yes">
        <source>imported %n employee(s)</source>
        <translation>
            <numerusform>imported %n employee</numerusform>
            <numerusform>imported %n employees</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>Saving %Ln employee(s) and updating the indexes…</source>
        <translation>
            <numerusform>Saving %Ln employee and updating the indexes…</numerusform>
            <numerusform>Saving %Ln employees and updating the indexes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln employee(s) imported.</source>
        <translation>
            <numerusform>%Ln employee imported.</numerusform>
            <numerusform>%Ln employees imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) rejected; see the details.</source>
        <translation>
            <numerusform>%Ln row rejected; see the details.</numerusform>
            <numerusform>%Ln rows rejected; see the details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportStep</name>
    <message numerus="yes">
        <source>Removed %n employee(s) that the import of %1 added.</source>
        <translation>
            <numerusform>Removed %n employee that the import of %1 added.</numerusform>
            <numerusform>Removed %n employees that the import of %1 added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s) were changed or archived since and were left as they are: %1.</source>
        <translation>
            <numerusform>%n employee was changed or archived since and was left as it is: %1.</numerusform>
            <numerusform>%n employees were changed or archived since and were left as they are: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s) of the import of %1 could not be added again (their email or phone is taken now); nothing was added.</source>
        <translation>
            <numerusform>%n employee of the import of %1 could not be added again (their email or phone is taken now); nothing was added.</numerusform>
            <numerusform>%n employees of the import of %1 could not be added again (their email or phone is taken now); nothing was added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added the %n employee(s) of the import of %1 again.</source>
        <translation>
            <numerusform>Added the %n employee of the import of %1 again.</numerusform>
            <numerusform>Added the %n employees of the import of %1 again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntegrityChecker</name>
    <message numerus="yes">
        <source>... and %n more like this.</source>
        <translation>
            <numerusform>... and %n more like this.</numerusform>
            <numerusform>... and %n more like this.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n employee</numerusform>
            <numerusform>%n employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonalDataPdf</name>
    <message numerus="yes">
        <source>%1, %n byte(s)</source>
        <translation>
            <numerusform>%1, %n byte</numerusform>
            <numerusform>%1, %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History (%n change(s), newest first)</source>
        <translation>
            <numerusform>History (%n change, newest first)</numerusform>
            <numerusform>History (%n changes, newest first)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeController</name>
    <message numerus="yes">
        <source>Purged %n archived employee(s) who left before %1.</source>
        <translation>
            <numerusform>Purged %n archived employee who left before %1.</numerusform>
            <numerusform>Purged %n archived employees who left before %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %n archived employee(s) who left before %1?</source>
        <translation>
            <numerusform>Erase %n archived employee who left before %1?</numerusform>
            <numerusform>Erase %n archived employees who left before %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Really erase %n employee(s) for good?</source>
        <translation>
            <numerusform>Really erase %n employee for good?</numerusform>
            <numerusform>Really erase %n employees for good?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Erase %n Employee(s)</source>
        <translation>
            <numerusform>&amp;Erase %n Employee</numerusform>
            <numerusform>&amp;Erase %n Employees</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message numerus="yes">
        <source>%n archived employee(s) left before %1 and would be erased:</source>
        <translation>
            <numerusform>%n archived employee left before %1 and would be erased:</numerusform>
            <numerusform>%n archived employees left before %1 and would be erased:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamRepository</name>
    <message numerus="yes">
        <source>A team name can have at most %n characters.</source>
        <translation>
            <numerusform>A team name can have at most %n character.</numerusform>
            <numerusform>A team name can have at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This team cannot be deleted: %n employee(s) belong to it. Move them to another team first.</source>
        <translation>
            <numerusform>This team cannot be deleted: %n employee belongs to it. Move them to another team first.</numerusform>
            <numerusform>This team cannot be deleted: %n employees belong to it. Move them to another team first.</numerusform>
        </translation>
    </message>
</context>
</TS>
