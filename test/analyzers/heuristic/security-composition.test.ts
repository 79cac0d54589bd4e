import { describe, expect, it } from 'vitest';
import { findComposedSecurity } from '../../../src/analyzers/heuristic/security-composition.ts';

/** Sentences written for this test, in no fixture. */
describe('findComposedSecurity', () => {
  it.each([
    'Our audit log shows an admin account we never created, with full rights.',
    'Someone posted one of our API tokens on a public forum this morning.',
    "A partner told us they received another company's invoice PDFs from your portal.",
    'Huomasimme kirjautumisia tuntemattomilta laitteilta, joita emme ole hyväksyneet.',
  ])('finds an incident in %j', (text) => {
    expect(findComposedSecurity(text)).not.toBeNull();
  });

  it.each([
    'We never created a report for this team.',
    'Ei ole tehnyt mitään muutoksia raporttiin.',
    'Can I share the API key with our developer over email?',
    'Where do I see the login history of our users?',
    'Can other customers see our ticket categories if we publish the portal?',
  ])('finds no incident in %j', (text) => {
    expect(findComposedSecurity(text)).toBeNull();
  });
});

describe('findComposedSecurity: internal content in front of outsiders (round 4)', () => {
  it.each([
    'Our private comments on tickets show up for end users in the help centre!',
    'A client called: the confidential notes field is visible to customers in the portal.',
    'Sisäiset muistiinpanot näkyvät asiakkaille asiakasportaalissa.',
  ])('finds an incident in %j', (text) => {
    expect(findComposedSecurity(text)).not.toBeNull();
  });

  it.each([
    'Please make sure internal notes are never visible to customers.',
    'Can internal comments be shown to customers if we want?',
    'Our internal notes are visible to the whole support team, which is what we want.',
    'Sisäiset muistiinpanot eivät näy asiakkaille, eihän?',
  ])('finds no incident in %j', (text) => {
    expect(findComposedSecurity(text)).toBeNull();
  });
});
