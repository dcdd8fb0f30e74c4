-- 0002: shipped Norwegian defaults: phase checklists and the default
-- evaluation form in the shape of the national question bank.

INSERT INTO checklist_template (phase, position, text) VALUES
 ('idea', 1, 'Behovet for tilbudet er beskrevet'),
 ('idea', 2, 'Ledelsen støtter tilbudet (forankring)'),
 ('idea', 3, 'Kurseier er utpekt'),
 ('planning', 1, 'Plangruppen har både fagpersoner og brukerrepresentanter'),
 ('planning', 2, 'Målgruppe og mål er beskrevet'),
 ('planning', 3, 'Rammer er avklart: tid, sted og ressurser'),
 ('planning', 4, 'Innhold og metoder er valgt'),
 ('planning', 5, 'Evalueringen er planlagt'),
 ('planning', 6, 'Samlingsplanen er lagt'),
 ('scheduling', 1, 'Datoer og rom er bestilt'),
 ('scheduling', 2, 'Hver samling har en fagperson og en brukerrepresentant'),
 ('scheduling', 3, 'Antall plasser er satt'),
 ('scheduling', 4, 'Informasjon om kurset er sendt ut'),
 ('registration', 1, 'Deltakerne har fått bekreftelse'),
 ('registration', 2, 'Ventelisten er fulgt opp'),
 ('execution', 1, 'Oppmøtelister er skrevet ut'),
 ('execution', 2, 'Evalueringsskjema er delt ut på siste samling'),
 ('evaluation', 1, 'Deltakernes evalueringsskjema er lagt inn'),
 ('evaluation', 2, 'Kursholderne har skrevet sin egenevaluering'),
 ('evaluation', 3, 'Evalueringsmøte med plangruppen er holdt'),
 ('revision', 1, 'Beslutningene fra evalueringen er ført inn i kursplanen');

INSERT INTO questionnaire (id, family_id, version_no, name, description, is_default, created_at)
VALUES (1, 1, 1, 'Standard evalueringsskjema',
        'Bygget på den nasjonale spørsmålsbanken for lærings- og mestringstilbud', 1,
        '2026-11-22T00:00:00');

INSERT INTO question (questionnaire_id, position, section, kind, text, scale_min, scale_max, label_min, label_max) VALUES
 (1, 1, 'background', 'choice', 'Jeg er', NULL, NULL, '', ''),
 (1, 2, 'background', 'choice', 'Kjønn', NULL, NULL, '', ''),
 (1, 3, 'background', 'choice', 'Alder', NULL, NULL, '', ''),
 (1, 4, 'background', 'choice', 'Hvordan fikk du vite om kurset?', NULL, NULL, '', ''),
 (1, 5, 'rating', 'scale', 'Hvor relevant var kurset for deg?', 0, 10, 'Lite relevant', 'Svært relevant'),
 (1, 6, 'rating', 'scale', 'Hvor nyttig er det du lærte i hverdagen?', 0, 10, 'Lite nyttig', 'Svært nyttig'),
 (1, 7, 'rating', 'scale', 'Samarbeidet mellom fagperson og brukerrepresentant', 0, 10, 'Dårlig', 'Svært godt'),
 (1, 8, 'rating', 'scale', 'Rom for å dele erfaringer', 0, 10, 'For lite', 'Svært godt'),
 (1, 9, 'rating', 'scale', 'Praktisk tilrettelegging', 0, 10, 'Dårlig', 'Svært god'),
 (1, 10, 'rating', 'scale', 'Totalt sett', 0, 10, 'Dårlig', 'Svært bra'),
 (1, 11, 'open', 'text', 'Hva var bra?', NULL, NULL, '', ''),
 (1, 12, 'open', 'text', 'Hva bør endres?', NULL, NULL, '', '');

INSERT INTO question_option (question_id, position, label)
SELECT q.id, o.position, o.label FROM question q
JOIN (SELECT 1 AS qpos, 1 AS position, 'Pasient' AS label
      UNION ALL SELECT 1, 2, 'Pårørende'
      UNION ALL SELECT 1, 3, 'Annet'
      UNION ALL SELECT 2, 1, 'Kvinne'
      UNION ALL SELECT 2, 2, 'Mann'
      UNION ALL SELECT 2, 3, 'Annet / vil ikke oppgi'
      UNION ALL SELECT 3, 1, 'Under 20'
      UNION ALL SELECT 3, 2, '20-30'
      UNION ALL SELECT 3, 3, '31-40'
      UNION ALL SELECT 3, 4, '41-50'
      UNION ALL SELECT 3, 5, '51-60'
      UNION ALL SELECT 3, 6, '61-70'
      UNION ALL SELECT 3, 7, '71-80'
      UNION ALL SELECT 3, 8, 'Over 80'
      UNION ALL SELECT 4, 1, 'Fra helsepersonell'
      UNION ALL SELECT 4, 2, 'Fra fastlegen'
      UNION ALL SELECT 4, 3, 'Fra en brukerorganisasjon'
      UNION ALL SELECT 4, 4, 'På nettet'
      UNION ALL SELECT 4, 5, 'Fra familie eller venner'
      UNION ALL SELECT 4, 6, 'Annet') o
  ON q.position = o.qpos AND q.questionnaire_id = 1;
